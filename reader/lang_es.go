package reader

import "github.com/repcard/repcard"

// spanish: home-made trackers and HubSpot's Spanish exports ("Nombre del
// negocio, Etapa del negocio, Fecha de cierre, Propietario del negocio,
// Cantidad").
var spanish = language{
	code: "es",
	names: names{
		all: map[field][]string{
			fRep: {"Vendedor", "Vendedora", "Comercial", "Responsable", "Propietario", "Propietario del negocio",
				"Asesor", "Asesor comercial", "Ejecutivo", "Ejecutivo de ventas", "Ejecutivo comercial",
				"Representante", "Representante de ventas", "Agente", "Asignado a", "Usuario"},
			fAmount:       {"Importe", "Monto", "Valor", "Importe total", "Valor del negocio", "Ingresos", "Cantidad"},
			fCommission:   {"Comisión"},
			fLossReason:   {"Motivo de pérdida", "Motivo de la pérdida", "Razón de pérdida", "Motivo de cierre perdido", "Motivo"},
			fProspect:     {"Cliente", "Nombre del cliente", "Empresa", "Nombre de la empresa", "Empresa asociada", "Cuenta", "Prospecto", "Contacto", "Nombre del negocio"},
			fProbability:  {"Probabilidad", "Probabilidad del negocio"},
			fCreated:      {"Fecha de creación", "Creado el"},
			fNextFollowUp: {"Próximo seguimiento", "Fecha de seguimiento", "Próximo contacto"},
		},
		kinds: map[repcard.Kind]map[field][]string{
			repcard.KindDeals: {
				fStatus: {"Estado", "Etapa", "Etapa del negocio", "Fase", "Resultado", "Situación"},
				fStage:  {"Etapa", "Etapa del negocio", "Fase", "Etapa de venta"},
				fDate:   {"Fecha de cierre", "Fecha cierre", "Fecha de cierre prevista", "Cerrado el", "Fecha"},
				fDealID: {"ID del negocio", "ID de registro"},
			},
			repcard.KindActivities: {
				fDate:       {"Fecha", "Fecha de la actividad", "Fecha de actividad", "Día"},
				fType:       {"Tipo", "Tipo de actividad", "Canal"},
				fOutcome:    {"Resultado", "Resultado de la llamada", "Estado"},
				fDone:       {"Completada", "Realizada", "Hecho"},
				fActivityID: {"ID de actividad"},
				fStage:      {"Etapa", "Etapa del negocio"},
			},
			repcard.KindTallies: {
				fDate:       {"Fecha", "Semana", "Mes", "Día", "Periodo", "Período"},
				fContacts:   {"Contactos", "Contactos realizados", "Intentos", "Conversaciones"},
				fCalls:      {"Llamadas", "Llamadas realizadas"},
				fEmails:     {"Correos", "Correos electrónicos", "Correos enviados"},
				fMeetings:   {"Reuniones", "Citas", "Presentaciones"},
				fVisits:     {"Visitas"},
				fSocial:     {"Mensajes", "Redes sociales"},
				fClosings:   {"Ventas", "Cierres", "Negocios ganados", "Ganados"},
				fRejections: {"Rechazos", "Perdidos"},
			},
			repcard.KindRoster: {
				fManager:   {"Gerente", "Jefe", "Jefe de equipo", "Equipo"},
				fOffice:    {"Oficina", "Región", "Sucursal", "Zona", "Ciudad", "Territorio"},
				fEmail:     {"Correo", "Correo electrónico"},
				fStartDate: {"Fecha de alta", "Fecha de inicio", "Fecha de ingreso"},
				fAliases:   {"Apodo", "Apodos"},
			},
		},
	},
}
