package reader

import "github.com/repcard/repcard"

// french: trackers and HubSpot's French exports ("Nom de la transaction,
// Étape de la transaction, Date de fermeture, Propriétaire de la
// transaction, Montant").
var french = language{
	code: "fr",
	names: names{
		all: map[field][]string{
			fRep: {"Vendeur", "Vendeuse", "Commerciale", "Responsable", "Propriétaire", "Propriétaire de la transaction",
				"Propriétaire de l'affaire", "Chargé d'affaires", "Conseiller", "Conseillère", "Représentant",
				"Attribué à", "Assigné à", "Utilisateur"},
			fAmount:       {"Montant", "Montant de la transaction", "Montant HT", "Valeur", "Chiffre d'affaires"},
			fLossReason:   {"Raison de la perte", "Motif de perte", "Motif de la perte", "Raison", "Motif"},
			fProspect:     {"Société", "Entreprise", "Entreprise associée", "Compte", "Nom du client", "Nom de la transaction"},
			fProbability:  {"Probabilité"},
			fCreated:      {"Date de création", "Créé le"},
			fNextFollowUp: {"Prochaine relance", "Date de relance", "Prochain contact"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Statut", "État", "Étape", "Étape de la transaction", "Étape de vente", "Résultat"},
				fStage:  {"Étape", "Étape de la transaction", "Étape de vente"},
				fDate:   {"Date de clôture", "Date de fermeture", "Date de clôture prévue", "Clôturé le"},
				fDealID: {"ID de la transaction", "ID de l'affaire", "ID de fiche d'informations"},
			},
			repcard.KindActivities: {
				fDate:    {"Date de l'activité", "Jour"},
				fType:    {"Type d'activité", "Canal"},
				fOutcome: {"Résultat", "Résultat de l'appel"},
				fDone:    {"Terminé", "Terminée", "Fait", "Effectué"},
			},
			repcard.KindTallies: {
				fDate:       {"Semaine", "Mois", "Jour", "Période"},
				fContacts:   {"Tentatives", "Contacts réalisés"},
				fCalls:      {"Appels", "Appels passés"},
				fEmails:     {"Courriels"},
				fMeetings:   {"Rendez-vous", "RDV", "Réunions", "Démos"},
				fVisits:     {"Visites"},
				fSocial:     {"Réseaux sociaux"},
				fClosings:   {"Ventes", "Signatures", "Affaires gagnées", "Gagnées"},
				fRejections: {"Refus", "Perdues"},
			},
			repcard.KindRoster: {
				fManager:   {"Responsable d'équipe", "Équipe", "Chef d'équipe"},
				fOffice:    {"Agence", "Bureau", "Région", "Ville"},
				fEmail:     {"Courriel", "Adresse e-mail"},
				fStartDate: {"Date d'embauche", "Date d'entrée"},
				fAliases:   {"Surnom"},
			},
		},
	},
	// Commercial is a property's use in an English sheet.
	inContext: names{all: map[field][]string{fRep: {"Commercial"}}},
}
