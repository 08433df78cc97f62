package reader

import "github.com/repcard/repcard"

// dutch: trackers and HubSpot's Dutch exports ("Dealnaam, Dealfase,
// Sluitingsdatum, Eigenaar van de deal, Bedrag").
var dutch = language{
	code: "nl",
	names: names{
		all: map[field][]string{
			fRep: {"Verkoper", "Verkoopster", "Vertegenwoordiger", "Eigenaar", "Eigenaar van de deal", "Eigenaar van deal", "Dealeigenaar",
				"Eigenaar verkoopkans", "Leadeigenaar", "Accounteigenaar",
				"Toegewezen aan", "Gebruiker", "Medewerker", "Adviseur", "Verantwoordelijke", "Buitendienst"},
			fAmount:       {"Bedrag", "Waarde", "Dealwaarde", "Omzet", "Totaalbedrag"},
			fCommission:   {"Provisie", "Commissie"},
			fLossReason:   {"Reden verlies", "Reden van verlies", "Verliesreden", "Reden"},
			fProspect:     {"Klant", "Klantnaam", "Bedrijf", "Bedrijfsnaam", "Organisatie", "Contactpersoon", "Relatie", "Dealnaam"},
			fProbability:  {"Kans", "Waarschijnlijkheid"},
			fCreated:      {"Aangemaakt", "Aangemaakt op", "Aanmaakdatum"},
			fNextFollowUp: {"Volgende actie", "Opvolgdatum", "Terugbeldatum"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Fase", "Dealfase", "Verkoopfase", "Resultaat"},
				fStage:  {"Fase", "Dealfase", "Verkoopfase"},
				fDate:   {"Sluitingsdatum", "Afsluitdatum", "Verwachte sluitingsdatum", "Gewonnen op", "Datum"},
			},
			repcard.KindActivities: {
				fDate:    {"Datum", "Activiteitsdatum", "Dag"},
				fType:    {"Soort", "Activiteitstype", "Kanaal"},
				fOutcome: {"Resultaat", "Uitkomst"},
				fDone:    {"Gedaan", "Afgerond", "Voltooid"},
			},
			repcard.KindTallies: {
				fDate:       {"Datum", "Maand", "Dag", "Periode"},
				fContacts:   {"Contacten", "Pogingen"},
				fCalls:      {"Gesprekken", "Belletjes", "Telefoontjes", "Telefoongesprekken", "Gebeld"},
				fMeetings:   {"Afspraken"},
				fVisits:     {"Bezoeken", "Klantbezoeken"},
				fSocial:     {"Berichten"},
				fClosings:   {"Verkopen", "Gesloten", "Gewonnen"},
				fRejections: {"Afwijzingen", "Nee"},
			},
			repcard.KindRoster: {
				fManager:   {"Leidinggevende", "Teamleider"},
				fOffice:    {"Kantoor", "Vestiging", "Regio", "Stad", "Gebied"},
				fEmail:     {"E-mailadres"},
				fStartDate: {"Startdatum", "In dienst sinds"},
				fAliases:   {"Bijnaam"},
			},
		},
	},
	// Account Manager and Stadium are English headers too.
	inContext: names{
		all:   map[field][]string{fRep: {"Accountmanager"}},
		kinds: map[repcard.Kind]map[field][]string{repcard.KindDeals: {fStatus: {"Stadium"}, fStage: {"Stadium"}}},
	},
}
