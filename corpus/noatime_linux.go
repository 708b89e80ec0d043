package corpus

import "syscall"

const oNoAtime = syscall.O_NOATIME
