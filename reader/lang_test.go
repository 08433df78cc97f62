package reader

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
)

// langShape is a header of another language and what it must read as.
type langShape struct {
	name, csv string
	kind      repcard.Kind
	fields    map[field]string // the header of each field's first column
	want      []shapeRow
	contacts  []int // tallies: each record's contacts
}

// Per language: a home-made tracker, a CRM's localised deals export and a
// home-made tally sheet.
var langShapes = map[string][]langShape{
	"es": {
		{name: "tracker", csv: "Comercial,Cliente,Fecha,Importe,Estado\nAna Ruiz,Acme,31-oct-2026,\"1.234,50\",Ganado\nBen Ito,Beta,2-nov-2026,\"900,00\",Perdido\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Comercial", fProspect: "Cliente", fDate: "Fecha", fAmount: "Importe", fStatus: "Estado"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: d(2026, time.November, 2), outcome: repcard.OutcomeLost}}},
		{name: "hubspot", csv: "ID de registro,Nombre del negocio,Etapa del negocio,Fecha de cierre,Propietario del negocio,Cantidad,Fecha de creación\n101,Acme,Cerrado ganado,31 de octubre de 2026,Ana Ruiz,1500,01/09/2026\n102,Beta,Cita programada,15-dic-2026,Ana Ruiz,800,02/09/2026\n103,Gamma,Cerrado perdido,20-oct-2026,Ben Ito,300,03/09/2026\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Propietario del negocio", fStatus: "Etapa del negocio", fStage: "Etapa del negocio", fDate: "Fecha de cierre", fAmount: "Cantidad", fProspect: "Nombre del negocio", fDealID: "ID de registro", fCreated: "Fecha de creación"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 150000, hasAmt: true}, {rep: "Ana Ruiz", date: d(2026, time.December, 15), outcome: repcard.OutcomeOpen}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "tally", csv: "Vendedor,Semana,Llamadas,Reuniones,Ventas\nAna Ruiz,26/10/2026,40,3,1\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Vendedor", fDate: "Semana", fCalls: "Llamadas", fMeetings: "Reuniones", fClosings: "Ventas"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{43}},
	},
	"pt": {
		{name: "tracker", csv: "Vendedor responsável,Cliente,Data,Valor,Status\nAna Ruiz,Acme,31/out/2026,\"1.234,50\",Ganho\nBen Ito,Beta,20/out/2026,\"900,00\",Perdido\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Vendedor responsável", fProspect: "Cliente", fDate: "Data", fAmount: "Valor", fStatus: "Status"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "hubspot", csv: "Nome do negócio,Etapa do negócio,Data de fechamento,Proprietário do negócio,Valor\nAcme,Fechado ganho,31/10/2026,Ana Ruiz,\"2.000,00\"\nBeta,Fechado perdido,20/10/2026,Ben Ito,\"500,00\"\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Proprietário do negócio", fStatus: "Etapa do negócio", fDate: "Data de fechamento", fAmount: "Valor", fProspect: "Nome do negócio"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 200000, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "tally", csv: "Vendedor,Semana,Ligações,Reuniões,Vendas\nAna Ruiz,26/10/2026,30,2,1\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Vendedor", fDate: "Semana", fCalls: "Ligações", fMeetings: "Reuniões", fClosings: "Vendas"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{32}},
	},
	"fr": {
		{name: "tracker", csv: "Vendeur,Client,Date de clôture,Montant,Statut\nAna Ruiz,Acme,31 oct. 2026,\"1 234,50 €\",Gagné\nBen Ito,Beta,20 oct. 2026,\"900,00 €\",Perdu\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Vendeur", fProspect: "Client", fDate: "Date de clôture", fAmount: "Montant", fStatus: "Statut"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "hubspot", csv: "Nom de la transaction,Étape de la transaction,Date de fermeture,Propriétaire de la transaction,Montant\nAcme,Fermé gagné,31/10/2026,Ana Ruiz,2000\nBeta,Fermé perdu,20/10/2026,Ben Ito,500\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Propriétaire de la transaction", fStatus: "Étape de la transaction", fDate: "Date de fermeture", fAmount: "Montant", fProspect: "Nom de la transaction"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 200000, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "tally, Commercial", csv: "Commercial,Semaine,Appels,Rendez-vous,Ventes\nAna Ruiz,26/10/2026,25,4,2\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Commercial", fDate: "Semaine", fCalls: "Appels", fMeetings: "Rendez-vous", fClosings: "Ventes"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{29}},
	},
	"de": {
		{name: "tracker", csv: "Verkäufer,Kunde,Abschlussdatum,Betrag,Status\nAna Ruiz,Acme,31.10.2026,\"1.234,50\",Gewonnen\nBen Ito,Beta,20. Okt. 2026,\"900,00\",Verloren\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Verkäufer", fProspect: "Kunde", fDate: "Abschlussdatum", fAmount: "Betrag", fStatus: "Status"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "pipedrive", csv: "Deal - ID,Deal - Titel,Deal - Besitzer,Deal - Wert,Deal - Status,Deal - Phase,Deal - Gewonnen am,Deal - Voraussichtliches Abschlussdatum,Deal - Organisation\n7,Acme Lizenz,Ana Ruiz,1500,gewonnen,Verhandlung,2026-10-31 14:05:00,2026-10-30,Acme\n8,Beta,Ben Ito,700,offen,Angebot,,2026-12-15,Beta\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Deal - Besitzer", fStatus: "Deal - Status", fStage: "Deal - Phase", fDate: "Deal - Gewonnen am", fAmount: "Deal - Wert", fProspect: "Deal - Organisation", fDealID: "Deal - ID"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 150000, hasAmt: true}, {rep: "Ben Ito", date: d(2026, time.December, 15), outcome: repcard.OutcomeOpen}}},
		{name: "tally", csv: "Verkäufer,Woche,Anrufe,Termine,Abschlüsse\nAna Ruiz,26.10.2026,50,5,2\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Verkäufer", fDate: "Woche", fCalls: "Anrufe", fMeetings: "Termine", fClosings: "Abschlüsse"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{55}},
	},
	"it": {
		{name: "tracker", csv: "Venditore,Cliente,Data di chiusura,Importo,Stato\nAna Ruiz,Acme,31 ottobre 2026,\"1.234,50\",Vinto\nBen Ito,Beta,20 ott 2026,\"900,00\",Perso\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Venditore", fProspect: "Cliente", fDate: "Data di chiusura", fAmount: "Importo", fStatus: "Stato"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "hubspot", csv: "Nome trattativa,Fase della trattativa,Data di chiusura,Proprietario della trattativa,Importo\nAcme,Chiuso vinto,31/10/2026,Ana Ruiz,2000\nBeta,Chiuso perso,20/10/2026,Ben Ito,500\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Proprietario della trattativa", fStatus: "Fase della trattativa", fStage: "Fase della trattativa", fDate: "Data di chiusura", fAmount: "Importo", fProspect: "Nome trattativa"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 200000, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "tally, Data", csv: "Venditore,Data,Chiamate,Appuntamenti,Vendite\nAna Ruiz,26/10/2026,20,2,1\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Venditore", fDate: "Data", fCalls: "Chiamate", fMeetings: "Appuntamenti", fClosings: "Vendite"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{22}},
	},
	"nl": {
		{name: "tracker", csv: "Verkoper,Klant,Sluitingsdatum,Bedrag,Status\nAna Ruiz,Acme,31-okt-2026,\"1.234,50\",Gewonnen\nBen Ito,Beta,20 oktober 2026,\"900,00\",Verloren\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Verkoper", fProspect: "Klant", fDate: "Sluitingsdatum", fAmount: "Bedrag", fStatus: "Status"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 123450, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "hubspot", csv: "Dealnaam,Dealfase,Sluitingsdatum,Eigenaar van deal,Bedrag\nAcme,Gesloten gewonnen,31-10-2026,Ana Ruiz,2000\nBeta,Gesloten verloren,20-10-2026,Ben Ito,500\n",
			kind: repcard.KindDeals, fields: map[field]string{fRep: "Eigenaar van deal", fStatus: "Dealfase", fStage: "Dealfase", fDate: "Sluitingsdatum", fAmount: "Bedrag", fProspect: "Dealnaam"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(31), outcome: repcard.OutcomeWon, amount: 200000, hasAmt: true}, {rep: "Ben Ito", date: oct(20), outcome: repcard.OutcomeLost}}},
		{name: "tally", csv: "Verkoper,Datum,Belletjes,Afspraken,Verkopen\nAna Ruiz,26-10-2026,35,3,1\n",
			kind: repcard.KindTallies, fields: map[field]string{fRep: "Verkoper", fDate: "Datum", fCalls: "Belletjes", fMeetings: "Afspraken", fClosings: "Verkopen"},
			want: []shapeRow{{rep: "Ana Ruiz", date: oct(26)}}, contacts: []int{38}},
	},
}

func oct(day int) repcard.Date { return d(2026, time.October, day) }

func TestLanguageShapes(t *testing.T) {
	for _, lang := range languages {
		shapes := langShapes[lang.code]
		if len(shapes) < 2 {
			t.Errorf("language %s: no tracker and CRM export test", lang.code)
		}
		for _, tc := range shapes {
			t.Run(lang.code+" "+tc.name, func(t *testing.T) {
				header := strings.Split(strings.SplitN(tc.csv, "\n", 2)[0], ",")
				l := matchRow(header, nil, false)
				if l == nil || l.kind != tc.kind || l.how != "synonyms" {
					t.Fatalf("matchRow(%q) = %+v, want %s by synonyms", header, l, tc.kind)
				}
				for f, h := range tc.fields {
					if !l.has(f) || header[l.cols[f][0]] != h {
						t.Errorf("%s: columns %v, want %q first", f, l.cols[f], h)
					}
				}
				dir := t.TempDir()
				writeFiles(t, dir, map[string]string{"export.csv": tc.csv})
				checkShape(t, dir, "export.csv", tc.kind, "synonyms", tc.want)
				if tc.contacts != nil {
					var got []int
					for _, r := range read(t, dir, nil).byKind(tc.kind) {
						got = append(got, r.Contacts)
					}
					if !slices.Equal(got, tc.contacts) {
						t.Errorf("contacts %v, want %v", got, tc.contacts)
					}
				}
			})
		}
	}
}

// English header rows read as they did before other languages: a word
// that is a header in another language (Data, Phase, Commercial, Tag,
// Termine, Stadium) means nothing in a row with none of that language's
// own names.
func TestLanguageEnglishRowsUnchanged(t *testing.T) {
	_, english := compiledTables()
	rows := [][]string{
		{"Rep", "Data", "Amount", "Status"},
		{"Rep", "Phase", "Close Date", "Amount"},
		{"Commercial", "Date", "Calls"},
		{"Owner", "Tag", "Art", "Type"},
		{"Rep", "Week", "Calls", "Termine"},
		{"Account Manager", "Stadium", "Date"},
		{"Firma", "Rep", "Date", "Type"},
		{"Sales Rep", "Date", "Customer", "Amount", "Status", "Type", "Week", "Client"},
	}
	for _, row := range rows {
		norm := make([]string, len(row))
		for i, h := range row {
			norm[i] = normHeader(h)
		}
		syn := synonymsFor(norm)
		for kind, want := range english {
			if got := syn[kind]; !slices.EqualFunc(got.cols[:], want.cols[:], slices.Equal) {
				t.Errorf("%q: %s synonyms differ from the English ones", row, kind)
			}
		}
	}
	if l := matchRow([]string{"Rep", "Data", "Amount", "Status"}, nil, false); l != nil && l.has(fDate) {
		t.Errorf("an English Data column taken for the date: %+v", l)
	}
	if l := matchRow([]string{"Commercial", "Date", "Calls"}, nil, false); l != nil && l.has(fRep) {
		t.Errorf("an English Commercial column taken for the rep: %+v", l)
	}
}

// A language's own names mark a row as written in it, so none may be a
// name the English synonyms or presets know.
func TestLanguageOwnNamesNotEnglish(t *testing.T) {
	presets, english := compiledTables()
	known := map[string]bool{}
	for _, c := range english {
		for _, ns := range c.cols {
			for _, n := range ns {
				known[n] = true
			}
		}
	}
	for _, p := range presets {
		for _, ns := range p.cols {
			for _, n := range ns {
				known[n] = true
			}
		}
	}
	for i, lang := range languages {
		for n := range langTables()[i] {
			if known[n] {
				t.Errorf("%s: own name %q is an English header", lang.code, n)
			}
		}
	}
}

// In every kind, a name means one field in all languages (but a status
// column that is the stage too).
func TestLanguageNamesOneField(t *testing.T) {
	for _, kind := range []repcard.Kind{repcard.KindDeals, repcard.KindActivities, repcard.KindTallies, repcard.KindRoster} {
		seen := map[string]field{}
		for f, ns := range synonyms[kind] {
			for _, n := range ns {
				seen[normHeader(n)] = f
			}
		}
		for _, lang := range languages {
			for _, nm := range []names{lang.names, lang.inContext} {
				for f, ns := range nm.byKind()[kind] {
					for _, n := range ns {
						k := normHeader(n)
						g, ok := seen[k]
						stage := (f == fStatus || f == fStage) && (g == fStatus || g == fStage)
						if ok && g != f && !stage {
							t.Errorf("%s %s: %q is %s and %s", lang.code, kind, n, g, f)
						}
						if !ok {
							seen[k] = f
						}
					}
				}
			}
		}
	}
}

// Sheets the suggestion tests once used as unknown headers now read, as
// their English words would.
func TestLanguageActivityLogs(t *testing.T) {
	for _, tc := range []struct {
		row     []string
		english []string
	}{
		{[]string{"Fecha", "Vendedor", "Cliente", "Resultado"}, []string{"Date", "Rep", "Customer", "Result"}},
		{[]string{"Día", "Verkäufer", "Kunde"}, []string{"Day", "Rep", "Customer"}},
		{[]string{"Data", "Responsável", "Tipo", "Cliente"}, []string{"Date", "Rep", "Type", "Customer"}},
	} {
		l, en := matchRow(tc.row, nil, false), matchRow(tc.english, nil, false)
		if l == nil || en == nil || l.kind != en.kind || !slices.EqualFunc(l.cols[:], en.cols[:], slices.Equal) {
			t.Errorf("matchRow(%q) = %+v, want as %q: %+v", tc.row, l, tc.english, en)
		}
	}
}
