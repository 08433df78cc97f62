package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/repcard/repcard"
)

// Exports and trackers in other languages, read through a whole run with no
// mapping: a Spanish copy of HubSpot deals (day-first dates, decimal
// commas), a German Pipedrive export, and a French home-made call log.
func TestRunOtherLanguages(t *testing.T) {
	dir := t.TempDir()
	in := func(name, content string) { writeFile(t, filepath.Join(dir, "inbox", name), content) }
	in("roster.csv", "Name,Manager\nAlice Moreno,Grace Hall\nEva Müller,Grace Hall\nLéa Martin,Grace Hall\n")
	in("Negocios - HubSpot (copia).csv", "ID de registro,Nombre del negocio,Etapa del negocio,Fecha de cierre,Propietario del negocio,Cantidad,Pipeline\n"+
		"20201,Negocio Alfa,Cerrado ganado,05/03/2026,Alice Moreno,\"5.000,00\",Pipeline de ventas\n"+
		"20202,Negocio Beta,Cerrado perdido,10/03/2026,Alice Moreno,\"2.000,00\",Pipeline de ventas\n"+
		"20203,Negocio Gamma,Cerrado ganado,25/03/2026,Alice Moreno,\"1.250,50\",Pipeline de ventas\n")
	in("deals-export-de.csv", "Deal - ID,Deal - Titel,Deal - Besitzer,Deal - Wert,Deal - Währung,Deal - Organisation,Deal - Status,Deal - Gewonnen am,Deal - Verloren am,Deal - Erwartetes Abschlussdatum\n"+
		"1001,Kraftwerk,Eva Müller,8000,USD,Kraftwerk GmbH,Gewonnen,2026-03-09 11:00:00,,2026-03-15\n"+
		"1002,Bauhaus,Eva Müller,2000,USD,Bauhaus GmbH,Verloren,,2026-03-11 11:00:00,2026-03-20\n")
	in("appels Léa.csv", "Commercial,Date,Client,Type,Résultat\n"+
		"Léa Martin,13/03/2026,Danone,Appel,Gagné\n"+
		"Léa Martin,16/03/2026,Renault,Appel,Perdu\n"+
		"Léa Martin,20/03/2026,Total,Rendez-vous,Pas intéressé\n")
	cfg := testConfig(t, dir)
	cfg.Currency = "USD"
	march := repcard.MonthPeriod(repcard.MonthOf(2026, 3))
	res := run(t, cfg, Options{Period: &march})
	if len(res.Batch.Issues) > 0 || res.Batch.SheetsNotRead() > 0 {
		t.Fatalf("issues %v, %d sheets not read", res.Batch.Issues, res.Batch.SheetsNotRead())
	}
	for _, c := range []struct {
		rep                string
		contacts, closings int
		revenue            repcard.Money
	}{
		// Alice: three decided deals (contacts from deals), two won:
		// 5.000,00 + 1.250,50, dated 5 and 25 March (day first).
		{"Alice Moreno", 3, 2, 500_000 + 125_050},
		// Eva: Gewonnen 8000, Verloren 2000: two decided deals, one won.
		{"Eva Müller", 2, 1, 800_000},
		// Léa: three touches (13, 16 and 20 March: day first), one Gagné (a
		// sale, no amount).
		{"Léa Martin", 3, 1, 0},
	} {
		var found bool
		for _, r := range res.Report.Reps {
			if r.Rep != c.rep {
				continue
			}
			found = true
			if r.Contacts != c.contacts || r.Closings != c.closings || r.Revenue != c.revenue {
				t.Errorf("%s: contacts %d, closings %d, revenue %v; want %d, %d, %v", c.rep, r.Contacts, r.Closings, r.Revenue, c.contacts, c.closings, c.revenue)
			}
		}
		if !found {
			t.Errorf("no rep %s in %v", c.rep, res.Report.Reps)
		}
	}
}
