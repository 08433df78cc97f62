package reader

import "github.com/repcard/repcard"

// portuguese: Brazilian and European trackers and HubSpot's and
// Pipedrive's Portuguese exports.
var portuguese = language{
	code: "pt",
	names: names{
		all: map[field][]string{
			fRep: {"Vendedor", "Vendedora", "Responsável", "Vendedor responsável", "Proprietário", "Proprietário do negócio",
				"Consultor", "Consultor de vendas", "Executivo de vendas", "Executivo de contas", "Representante",
				"Corretor", "Atribuído a", "Usuário", "Utilizador"},
			fAmount:       {"Valor", "Valor do negócio", "Montante", "Valor total", "Receita"},
			fCommission:   {"Comissão"},
			fLossReason:   {"Motivo da perda", "Motivo de perda", "Motivo"},
			fProspect:     {"Cliente", "Nome do cliente", "Empresa", "Empresa associada", "Conta", "Contato", "Contacto", "Organização", "Nome do negócio"},
			fProbability:  {"Probabilidade"},
			fCreated:      {"Data de criação", "Criado em"},
			fNextFollowUp: {"Próximo contato", "Próximo contacto", "Data de retorno"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Situação", "Estado", "Etapa", "Etapa do negócio", "Fase", "Resultado"},
				fStage:  {"Etapa", "Etapa do negócio", "Fase", "Etapa do funil"},
				fDate:   {"Data de fechamento", "Data de fecho", "Data prevista de fechamento", "Data de encerramento", "Fechado em"},
				fDealID: {"ID do negócio", "ID do registro"},
			},
			repcard.KindActivities: {
				fDate:    {"Data da atividade", "Dia"},
				fType:    {"Tipo", "Tipo de atividade", "Canal"},
				fOutcome: {"Resultado"},
				fDone:    {"Concluída", "Concluído", "Realizada", "Feito"},
			},
			repcard.KindTallies: {
				fDate:       {"Semana", "Mês", "Dia", "Período"},
				fContacts:   {"Contatos", "Contactos", "Tentativas", "Conversas"},
				fCalls:      {"Ligações", "Chamadas", "Telefonemas"},
				fMeetings:   {"Reuniões", "Agendamentos", "Apresentações"},
				fVisits:     {"Visitas"},
				fSocial:     {"Mensagens", "Redes sociais"},
				fClosings:   {"Vendas", "Fechamentos", "Negócios fechados", "Ganhos"},
				fRejections: {"Recusas", "Perdidos"},
			},
			repcard.KindRoster: {
				fManager:   {"Gerente", "Gestor", "Equipe", "Equipa"},
				fOffice:    {"Escritório", "Região", "Filial", "Cidade", "Território"},
				fStartDate: {"Data de admissão", "Data de início"},
				fAliases:   {"Apelido", "Apelidos"},
			},
		},
	},
	// Data is the date; in an English sheet it is anything.
	inContext: names{all: map[field][]string{fDate: {"Data"}}},
}
