package checkprint

import (
	"encoding/json"
	"io"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader"
)

// jsonInput is check -json's line for a file or sheet: "type":"input" and
// the fields of repcard.Input, as metrics.json's inputs has them.
type jsonInput struct {
	Type string `json:"type"`
	repcard.Input
}

// jsonIssue is check -json's line for an issue ("type":"issue", something
// left out) or a warning ("type":"warning", nothing left out). Kind is the
// kind's stable code (repcard.IssueKind.Code).
type jsonIssue struct {
	Type    string `json:"type"`
	File    string `json:"file"`
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Kind    string `json:"kind"`
	Reason  string `json:"reason"`
	Warning bool   `json:"warning"`
}

// jsonIgnored is check -json's line for a file passed over
// ("type":"ignored"): a lock, temp or hidden file, or not a spreadsheet.
type jsonIgnored struct {
	Type   string `json:"type"`
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// JSON writes what check found as JSON Lines, for scripts: one
// object a line, each with a "type": every input, the files passed over,
// then the issues and warnings in the order of data-issues.csv
// (reader.Batch.IssueRows), the sheets not read and not sales data among
// them. All of them are listed, however many.
func JSON(w io.Writer, b *reader.Batch) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, in := range b.Inputs {
		if err := enc.Encode(jsonInput{"input", in}); err != nil {
			return err
		}
	}
	if b.OutFolder != "" {
		if err := enc.Encode(jsonIgnored{"ignored", b.OutFolder + "/", outFolderReason}); err != nil {
			return err
		}
	}
	for _, ig := range b.Ignored {
		if err := enc.Encode(jsonIgnored{"ignored", ig.File, ig.Reason}); err != nil {
			return err
		}
	}
	for _, is := range b.IssueRows() {
		typ := "issue"
		if is.Kind.Warning() {
			typ = "warning"
		}
		line := jsonIssue{typ, is.File, is.Sheet, is.Row, is.Column, is.Raw, is.Kind.Code(), is.Reason(), is.Kind.Warning()}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}
