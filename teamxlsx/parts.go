package teamxlsx

import (
	"strconv"
	"strings"
)

// The parts of team.xlsx besides the sheets: SpreadsheetML, as little of
// it as Excel, LibreOffice and the readers of Go and Python need.

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsDocRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	ctSheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)

// sheetPart is the name of the n-th sheet's part (1 is the first).
func sheetPart(n int) string { return "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml" }

func contentTypes(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	b.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := 1; i <= sheets; i++ {
		b.WriteString(`<Override PartName="/` + sheetPart(i) + `" ContentType="` + ctSheet + `"/>`)
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	b.WriteString(`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = xmlHead + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + nsDocRels + `/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + nsDocRels + `/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>repcard</Application></Properties>`

// coreProps are the document properties: title, author, and created and
// modified at stamp (W3CDTF).
func coreProps(title, stamp string) string {
	var b []byte
	b = append(b, xmlHead+`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`+
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`+
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`+
		`<dc:title>`...)
	b = appendEscaped(b, title, false)
	b = append(b, `</dc:title><dc:creator>repcard</dc:creator><cp:lastModifiedBy>repcard</cp:lastModifiedBy>`...)
	for _, el := range []string{"created", "modified"} {
		b = append(b, `<dcterms:`+el+` xsi:type="dcterms:W3CDTF">`...)
		b = appendEscaped(b, stamp, false)
		b = append(b, `</dcterms:`+el+`>`...)
	}
	b = append(b, `</cp:coreProperties>`...)
	return string(b)
}

// workbookRels: rId1… the sheets, then the styles.
func workbookRels(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsRels + `">`)
	for i := 1; i <= sheets; i++ {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(i) + `" Type="` + nsDocRels + `/worksheet" Target="worksheets/sheet` + strconv.Itoa(i) + `.xml"/>`)
	}
	b.WriteString(`<Relationship Id="rId` + strconv.Itoa(sheets+1) + `" Type="` + nsDocRels + `/styles" Target="styles.xml"/>`)
	b.WriteString(`</Relationships>`)
	return b.String()
}

// workbook lists the sheets, each with the range of its autofilter as the
// hidden name _xlnm._FilterDatabase local to it, as Excel has it.
func workbook(sheets []sheetInfo) string {
	var b []byte
	b = append(b, xmlHead+`<workbook xmlns="`+nsMain+`" xmlns:r="`+nsDocRels+`">`+
		`<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`...)
	for i, s := range sheets {
		b = append(b, `<sheet name="`...)
		b = appendEscaped(b, s.name, true)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `</sheets><definedNames>`...)
	for i, s := range sheets {
		b = append(b, `<definedName name="_xlnm._FilterDatabase" localSheetId="`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `" hidden="1">`...)
		ref := "'" + strings.ReplaceAll(s.name, "'", "''") + "'!" + absRef(s.filter)
		b = appendEscaped(b, ref, false)
		b = append(b, `</definedName>`...)
	}
	b = append(b, `</definedNames></workbook>`...)
	return string(b)
}

// absRef makes a range of cells such as A1:K3 absolute: $A$1:$K$3.
func absRef(ref string) string {
	var b strings.Builder
	letters := false
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		isLetter := 'A' <= c && c <= 'Z'
		if isLetter && !letters || !isLetter && c != ':' && letters {
			b.WriteByte('$')
		}
		letters = isLetter
		b.WriteByte(c)
	}
	return b.String()
}

// Number formats, by column kind. Ids from 164 are the workbook's own.
const (
	fmtRatio = 164 // 0.0
	fmtMoney = 165 // the currency's symbol, thousands, cents
	fmtDate  = 166 // yyyy-mm-dd
)

// numFmtID is the number format of a column kind.
func numFmtID(k kind) int {
	switch k {
	case kInt:
		return 3 // #,##0, built in
	case kMoney:
		return fmtMoney
	case kRatio:
		return fmtRatio
	case kPercent:
		return 9 // 0%, built in
	case kDate:
		return fmtDate
	}
	return 0 // General
}

// styleID is the cell format of a column kind, bold or not: the cellXfs
// of styles are every kind plain then bold, in the order of the kinds, so
// plain text is 0, the default, and a text cell needs no style.
func styleID(k kind, bold bool) int {
	id := int(k) * 2
	if bold {
		id++
	}
	return id
}

// styles has the number formats of the column kinds (money in currency)
// and a cell format for each kind, plain and bold.
func styles(currency string) string {
	var b []byte
	b = append(b, xmlHead+`<styleSheet xmlns="`+nsMain+`">`+
		`<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="`...)
	b = appendEscaped(b, moneyFormat(currency), true)
	b = append(b, `"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts>`+
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`+
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`+
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`+
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`+
		`<cellXfs count="`...)
	b = strconv.AppendInt(b, int64(styleID(kDate, true)+1), 10)
	b = append(b, `">`...)
	for k := kText; k <= kDate; k++ {
		for _, bold := range []bool{false, true} {
			font := "0"
			if bold {
				font = "1"
			}
			b = append(b, `<xf numFmtId="`...)
			b = strconv.AppendInt(b, int64(numFmtID(k)), 10)
			b = append(b, `" fontId="`+font+`" fillId="0" borderId="0" xfId="0"`...)
			if numFmtID(k) != 0 {
				b = append(b, ` applyNumberFormat="1"`...)
			}
			if bold {
				b = append(b, ` applyFont="1"`...)
			}
			b = append(b, `/>`...)
		}
	}
	b = append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`+
		`<dxfs count="0"/><tableStyles count="0"/></styleSheet>`...)
	return string(b)
}
