package reader

import "github.com/repcard/repcard"

// italian: trackers and HubSpot's Italian exports ("Nome della
// trattativa, Fase della trattativa, Data di chiusura, Proprietario della
// trattativa, Importo").
var italian = language{
	code: "it",
	names: names{
		all: map[field][]string{
			fRep: {"Venditore", "Venditrice", "Commerciale", "Agente", "Agente di commercio", "Responsabile",
				"Proprietario", "Proprietario della trattativa", "Consulente", "Rappresentante", "Assegnato a", "Utente"},
			fAmount:       {"Importo", "Importo della trattativa", "Valore", "Ammontare", "Fatturato"},
			fCommission:   {"Commissione", "Provvigione"},
			fLossReason:   {"Motivo della perdita", "Motivo perdita", "Causa perdita", "Motivo"},
			fProspect:     {"Cliente", "Nome cliente", "Azienda", "Azienda associata", "Società", "Ragione sociale", "Contatto", "Organizzazione", "Nome della trattativa", "Nome trattativa"},
			fProbability:  {"Probabilità"},
			fCreated:      {"Data di creazione", "Creato il"},
			fNextFollowUp: {"Prossimo contatto", "Prossimo follow-up", "Richiamo"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Stato", "Fase", "Fase della trattativa", "Stato della trattativa", "Esito"},
				fStage:  {"Fase", "Fase della trattativa", "Fase di vendita"},
				fDate:   {"Data di chiusura", "Data chiusura", "Data di chiusura prevista", "Chiuso il"},
				fDealID: {"ID trattativa", "ID record"},
			},
			repcard.KindActivities: {
				fDate:    {"Data dell'attività", "Giorno"},
				fType:    {"Tipo", "Tipo di attività", "Canale"},
				fOutcome: {"Esito", "Risultato", "Esito chiamata"},
				fDone:    {"Completata", "Svolta", "Fatto"},
			},
			repcard.KindTallies: {
				fDate:       {"Settimana", "Mese", "Giorno", "Periodo"},
				fContacts:   {"Contatti", "Tentativi", "Conversazioni"},
				fCalls:      {"Chiamate", "Telefonate"},
				fMeetings:   {"Incontri", "Appuntamenti", "Riunioni"},
				fVisits:     {"Visite"},
				fSocial:     {"Messaggi"},
				fClosings:   {"Vendite", "Chiusure", "Contratti", "Vinte"},
				fRejections: {"Rifiuti", "Perse"},
			},
			repcard.KindRoster: {
				fManager:   {"Capo area", "Responsabile di zona", "Squadra"},
				fOffice:    {"Ufficio", "Sede", "Filiale", "Zona", "Regione", "Città"},
				fEmail:     {"Posta elettronica", "Indirizzo email"},
				fStartDate: {"Data di assunzione", "Data inizio"},
				fAliases:   {"Soprannome"},
			},
		},
	},
	// Data is the date; in an English sheet it is anything.
	inContext: names{all: map[field][]string{fDate: {"Data"}}},
}
