// Package sample embeds the demonstration corpus that parallax opens when
// it is started without paths: five short articles, written for this
// project, in which five fictional outlets report the same fictional
// event (a floodgate failure in the river town of Marrowby) and frame it
// differently.
package sample

import "embed"

// FS holds the sample articles.
//
//go:embed *.txt
var FS embed.FS
