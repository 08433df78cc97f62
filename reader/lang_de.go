package reader

import "github.com/repcard/repcard"

// german: trackers, HubSpot's German exports ("Deal-Name, Deal-Phase,
// Abschlussdatum, Deal-Inhaber, Betrag") and Pipedrive's ("Deal - Titel,
// Deal - Besitzer, Deal - Wert, Deal - Status, Deal - Phase").
var german = language{
	code: "de",
	names: names{
		all: map[field][]string{
			// A bare Inhaber is as often the prospect's business owner.
			fRep: {"Verkäufer", "Verkäuferin", "Vertriebsmitarbeiter", "Vertriebsmitarbeiterin", "Vertriebler",
				"Außendienst", "Außendienstmitarbeiter", "Aussendienst", "Kundenberater", "Berater", "Betreuer",
				"Zuständig", "Verantwortlich", "Mitarbeiter", "Deal-Inhaber", "Deal - Inhaber", "Besitzer",
				"Deal - Besitzer", "Zugewiesen an", "Benutzer"},
			fAmount:       {"Betrag", "Deal - Wert", "Wert", "Deal-Wert", "Auftragswert", "Umsatz", "Summe", "Gesamtbetrag"},
			fCommission:   {"Provision"},
			fLossReason:   {"Verlustgrund", "Deal - Verlustgrund", "Grund für Verlust", "Grund"},
			fProspect:     {"Kunde", "Kundenname", "Unternehmen", "Deal - Organisation", "Zugehöriges Unternehmen", "Ansprechpartner", "Kontakt", "Interessent", "Deal - Titel"},
			fProbability:  {"Wahrscheinlichkeit", "Deal - Wahrscheinlichkeit"},
			fCreated:      {"Erstellt am", "Erstelldatum", "Erstellungsdatum", "Deal - Deal erstellt", "Deal - Erstellt am"},
			fNextFollowUp: {"Wiedervorlage", "Nächster Kontakt", "Nächste Aktivität"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Deal-Phase", "Deal - Phase", "Vertriebsphase", "Verkaufsphase", "Stufe", "Ergebnis"},
				fStage:  {"Deal-Phase", "Deal - Phase", "Vertriebsphase", "Verkaufsphase", "Stufe"},
				fDate: {"Deal - Gewonnen am", "Deal - Verloren am", "Deal - Abschlussdatum", "Deal - Voraussichtliches Abschlussdatum",
					"Abschlussdatum", "Voraussichtliches Abschlussdatum", "Gewonnen am", "Abgeschlossen am", "Datum"},
				fDealID: {"Datensatz-ID"},
			},
			repcard.KindActivities: {
				fDate:    {"Datum", "Aktivitätsdatum", "Fälligkeitsdatum"},
				fType:    {"Typ", "Aktivitätstyp", "Kanal"},
				fOutcome: {"Ergebnis", "Anrufergebnis"},
				fDone:    {"Erledigt"},
			},
			repcard.KindTallies: {
				fDate:       {"Datum", "Woche", "Monat", "Zeitraum"},
				fContacts:   {"Kontakte", "Kontaktversuche", "Gespräche"},
				fCalls:      {"Anrufe", "Telefonate"},
				fMeetings:   {"Besprechungen", "Präsentationen"},
				fVisits:     {"Besuche", "Kundenbesuche"},
				fSocial:     {"Nachrichten"},
				fClosings:   {"Abschlüsse", "Verkäufe", "Aufträge"},
				fRejections: {"Absagen", "Ablehnungen", "Verloren"},
			},
			repcard.KindRoster: {
				fManager:   {"Vorgesetzter", "Teamleiter", "Vertriebsleiter"},
				fOffice:    {"Niederlassung", "Büro", "Standort", "Filiale", "Gebiet", "Stadt"},
				fEmail:     {"E-Mail-Adresse"},
				fStartDate: {"Eintrittsdatum", "Startdatum"},
				fAliases:   {"Spitzname", "Kürzel"},
			},
		},
	},
	// English words (a project's Phase, a Tag, Art), and Termine and Firma,
	// which are a deadline and a signature in Italian and Spanish.
	inContext: names{
		all: map[field][]string{fProspect: {"Firma"}},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals:      {fStatus: {"Phase"}, fStage: {"Phase"}},
			repcard.KindActivities: {fType: {"Art"}, fDate: {"Tag"}},
			repcard.KindTallies:    {fMeetings: {"Termine"}, fDate: {"Tag"}},
		},
	},
}
