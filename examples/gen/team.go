package main

import "time"

// The data window: 13 whole months, fixed so the output never depends on the
// day the generator runs.
const (
	firstYear  = 2025
	firstMonth = time.October
	numMonths  = 13 // 2025-10 .. 2026-10
)

// monthStart is the first day of month m of the window (0 = 2025-10).
func monthStart(m int) time.Time {
	return time.Date(firstYear, firstMonth+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// monthEnd is the last day of month m of the window.
func monthEnd(m int) time.Time { return monthStart(m+1).AddDate(0, 0, -1) }

// windowStart and windowEnd are the first and last day of the window.
func windowStart() time.Time { return monthStart(0) }
func windowEnd() time.Time   { return monthEnd(numMonths - 1) }

// monthIndex is the window month a date falls in, or -1 outside the window.
func monthIndex(t time.Time) int {
	m := (t.Year()-firstYear)*12 + int(t.Month()) - int(firstMonth)
	if m < 0 || m >= numMonths {
		return -1
	}
	return m
}

// season scales each month's activity: a December and August dip, a busy
// March and June, the September return.
var season = [numMonths]float64{
	1.00, // 2025-10
	1.02, // 2025-11
	0.82, // 2025-12
	0.92, // 2026-01
	1.00, // 2026-02
	1.08, // 2026-03
	0.95, // 2026-04
	1.00, // 2026-05
	1.05, // 2026-06
	0.95, // 2026-07
	0.85, // 2026-08
	1.05, // 2026-09
	1.00, // 2026-10
}

// isHoliday reports the days the whole team is off.
func isHoliday(t time.Time) bool {
	switch t.Format("01-02") {
	case "12-24", "12-25", "12-26", "12-31", "01-01", "05-01":
		return true
	}
	d := t.Format("2006-01-02")
	return d == "2026-04-03" || d == "2026-04-06" // Good Friday, Easter Monday
}

// workdays lists the working days of month m.
func workdays(m int) []time.Time {
	var days []time.Time
	for d := monthStart(m); d.Before(monthStart(m + 1)); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday && !isHoliday(d) {
			days = append(days, d)
		}
	}
	return days
}

// member is one roster row.
type member struct {
	Name, Manager, Office, Email, Start string
	Aliases                             []string // variants written in other files
}

// The reps, named once so the story code below can refer to them.
const (
	jane   = "Jane Doe"
	aisha  = "Aisha Khan"
	dmitri = "Дмитрий Иванов"
	jose   = "José Müller"
	zoe    = "Zoë Brontë"
	tom    = "Tom O'Brien"
	mei    = "Mei Lin"
	alex   = "Αλέξανδρος Παπαδόπουλος"
	lars   = "Lars Øberg"
	sofia  = "Sofía Núñez"
)

// roster is the team, in the order of the roster file.
var roster = []member{
	{jane, "Ana Ruiz", "Berlin", "jane.doe@acme.example", "2021-03-01", []string{"J. Doe"}},
	{aisha, "Ana Ruiz", "Berlin", "aisha.khan@acme.example", "2022-09-12", nil},
	{dmitri, "Ana Ruiz", "Berlin", "dmitry.ivanov@acme.example", "2019-06-03", []string{"Dmitry Ivanov"}},
	{jose, "Ana Ruiz", "Berlin", "jose.mueller@acme.example", "2023-01-09", nil},
	{zoe, "Ana Ruiz", "Berlin", "zoe.bronte@acme.example", "2024-02-05", nil},
	{tom, "Marcus Lee", "London", "tom.obrien@acme.example", "2020-11-16", []string{"Tom O’Brien"}},
	{mei, "Marcus Lee", "London", "mei.lin@acme.example", "2023-05-02", nil},
	{alex, "Marcus Lee", "London", "alexandros.papadopoulos@acme.example", "2018-04-09", []string{"Alexandros Papadopoulos"}},
	{lars, "Marcus Lee", "London", "lars.oberg@acme.example", "2022-01-17", nil},
	{sofia, "Marcus Lee", "London", "sofia.nunez@acme.example", "2024-08-19", []string{"S. Nunez", "Sofia Nunez"}},
}

// managerEmail is each manager's address, written beside every rep of theirs
// in the roster so that repcard send can mail the manager summaries.
var managerEmail = map[string]string{
	"Ana Ruiz":   "ana.ruiz@acme.example",
	"Marcus Lee": "marcus.lee@acme.example",
}

// Where a rep's closings are recorded.
type source int

const (
	fromSalesforce source = iota // won deals in the Salesforce exports
	fromHubSpot                  // Won outcomes (with Amount) in the HubSpot export
	fromPipedrive                // won deals in the Pipedrive export
	fromTally                    // Sales in a personal tally book
)

// profile is a rep's habits: the numbers the simulation draws around.
type profile struct {
	Name     string
	Closings source
	Activity bool // logs calls, emails and meetings in HubSpot

	// Contacts is the mean number of contacts a month; for a rep without
	// activities it is the number of decided (won + lost) deals a month.
	Contacts float64
	// Ratio is contacts per closing (for a rep without activities, decided
	// deals per won deal).
	Ratio          float64
	MinAmt, MaxAmt float64 // won deal size, dollars (log-uniform)
	LostPerWin     float64 // Salesforce reps with activities: lost deals per won deal

	NoRate   float64 // share of calls that end "Not interested"
	Referral float64 // P(referral asked | a no)
	FollowUp float64 // P(next follow-up date set | a no)
	Forget   float64 // P(a no without a follow-up date is never picked up again)
	Stall    float64 // P(a "Follow up" prospect is never touched again)
	NearMiss float64 // P(a lost deal had reached a late stage / probability ≥ 70)

	Reasons []int // weights for lossReasons, then for a blank reason
	Open    int   // fresh open deals at the end of the window
	Stale   int   // at most this many open deals that went quiet
}

// lossReasons are the Loss Reason picklist values.
var lossReasons = []string{
	"Price too high",
	"Went with competitor",
	"No budget this year",
	"Timing — revisit next year",
	"Wrong contact",
	"No decision maker involved",
	"Went dark / no response",
	"No need",
}

// profiles holds every rep but Zoë, whose tally book is simulated apart.
var profiles = []profile{
	{Name: jane, Closings: fromSalesforce, Activity: true, Contacts: 95, Ratio: 10,
		MinAmt: 1500, MaxAmt: 18000, LostPerWin: 0.8,
		NoRate: 0.08, Referral: 0.6, FollowUp: 0.55, Forget: 0.05, Stall: 0.03, NearMiss: 0.08,
		Reasons: []int{18, 16, 12, 14, 5, 7, 8, 6, 4}, Open: 7, Stale: 1},
	{Name: aisha, Closings: fromSalesforce, Activity: true, Contacts: 90, Ratio: 13,
		MinAmt: 2000, MaxAmt: 25000, LostPerWin: 0.9,
		NoRate: 0.09, Referral: 0.35, FollowUp: 0.4, Forget: 0.25, Stall: 0.04, NearMiss: 0.08,
		Reasons: []int{16, 18, 12, 12, 8, 8, 10, 6, 10}, Open: 8, Stale: 2},
	{Name: dmitri, Closings: fromSalesforce, Activity: true, Contacts: 105, Ratio: 19,
		MinAmt: 5000, MaxAmt: 40000, LostPerWin: 1.3,
		NoRate: 0.10, Referral: 0.1, FollowUp: 0.15, Forget: 0.6, Stall: 0.04, NearMiss: 0.12,
		Reasons: []int{30, 28, 10, 8, 3, 4, 5, 2, 10}, Open: 9, Stale: 3},
	{Name: tom, Closings: fromSalesforce, Activity: true, Contacts: 115, Ratio: 11,
		MinAmt: 1000, MaxAmt: 15000, LostPerWin: 0.8,
		NoRate: 0.08, Referral: 0.3, FollowUp: 0.35, Forget: 0.3, Stall: 0.07, NearMiss: 0.08,
		Reasons: []int{16, 14, 12, 10, 8, 10, 14, 6, 10}, Open: 6, Stale: 5},
	{Name: mei, Closings: fromHubSpot, Activity: true, Contacts: 85, Ratio: 9,
		MinAmt: 500, MaxAmt: 8000,
		NoRate: 0.08, Referral: 0.45, FollowUp: 0.6, Forget: 0.15, Stall: 0.03},
	{Name: sofia, Closings: fromSalesforce, Activity: true, Contacts: 130, Ratio: 8,
		MinAmt: 500, MaxAmt: 6000, LostPerWin: 0.6,
		NoRate: 0.07, Referral: 0.5, FollowUp: 0.5, Forget: 0.25, Stall: 0.03, NearMiss: 0.06,
		Reasons: []int{22, 10, 16, 10, 6, 6, 8, 10, 6}, Open: 6, Stale: 2},
	{Name: alex, Closings: fromSalesforce, Contacts: 24, Ratio: 6,
		MinAmt: 4000, MaxAmt: 40000, NearMiss: 0.12,
		Reasons: []int{20, 22, 14, 14, 4, 6, 8, 4, 8}, Open: 6},
	{Name: jose, Closings: fromPipedrive, Contacts: 24, Ratio: 6,
		MinAmt: 800, MaxAmt: 12000,
		Reasons: []int{8, 10, 8, 8, 14, 18, 22, 8, 4}, Open: 8},
	{Name: lars, Closings: fromPipedrive, Contacts: 27, Ratio: 7,
		MinAmt: 1000, MaxAmt: 14000,
		Reasons: []int{16, 16, 12, 12, 6, 8, 10, 8, 12}, Open: 7},
}

// story bends a rep's month: a contacts multiplier and a ratio multiplier.
func story(rep string, m int) (contacts, ratio float64) {
	switch {
	case rep == tom && m == numMonths-2: // September: the slide starts
		return 0.80, 1.30
	case rep == tom && m == numMonths-1: // October: fewer calls, fewer closes
		return 0.55, 1.50
	case rep == aisha && m == numMonths-1: // October: her best month
		return 1.30, 0.58
	}
	return 1, 1
}

// companies are the accounts every tool shares, so prospects overlap across
// files. All of them are Windows-1252 encodable (the Pipedrive export).
var companies = []string{
	"Northwind Traders", "Contoso Ltd", "Fabrikam Inc.", "Brightwater Analytics",
	"Hartley, Pierce & Co", "Müller & Söhne GmbH", "Kestrel Freight Ltd", "Bluefin Software",
	"Oakridge Dental Group", "Café Lumière SARL", "Nordlys Økonomi AS", "Pinecrest Property Management",
	"Redline Couriers", "Sundial Health", "Vantage Point Insurance", "Harbor & Vine Hospitality",
	"Meridian Legal LLP", "Crescent Foods", "Ironbridge Engineering", "Lakeshore Veterinary Clinic",
	"Polaris Robotics", "Quayside Marine", "Riverside Print Works", "Summit Outdoor Gear",
	"Tandem Bike Co.", "Urban Nest Realty", "Westbrook Academy", "Yellowfield Catering",
	"Zenith Accounting", "Alpenblick Hotels GmbH", "Baltic Amber Trading", "Castellano Vinos S.L.",
	"Dansk Designhus ApS", "Élan Cosmetics", "Fjordline Seafood AS", "Greenleaf Organics",
	"Helvetia Präzision AG", "Iberia Solar, S.A.", "Jadeport Imports", "Kingsley & Webb Architects",
	"Lindqvist Bygg AB", "Maple Leaf Staffing", "Nova Biolabs", "Orchard Lane Bakery",
	"Pemberton Wealth", "Quantum Leap Fitness", "Rosewood Care Homes", "Silverline Telecom",
	"Thornbury Estates", "Union Square Dental", "Vireo Energy", "Whitfield Manufacturing",
	"Xenon Lighting BV", "Yardley Garden Centre", "Zephyr Air Charter", "Åkesson Logistik AB",
	"Bäckerei Hoffmann", "Van der Berg Installaties", "Duarte & Filhos, Lda.", "Eastgate Pharmacy",
	"Foxglove Interiors", "Granite Peak Capital", "Highland Distillers Co.", "Ivory Tower Publishing",
	"Juniper Field Services", "Keystone Plumbing", "Lumen Optics", "Marlowe & Finch Solicitors",
	"Northgate Motors", "O'Connell Building Supplies", "Parkside Physiotherapy", "Queensbridge Lettings",
	"Ravensworth Farms", "Sable Security Services", "Tidewater Freight", "Upland Coffee Roasters",
	"Verdant Landscaping", "Wexford Timber", "Zürich Treuhand AG", "Großmann Elektro GmbH",
}

// Fixed accounts for the deals the story depends on.
const (
	hugeDealAccount  = "Polaris Robotics"     // Αλέξανδρος's one huge open deal
	aishaBigWinAcct  = "Granite Peak Capital" // Aisha's largest October win
	hugeDealDollars  = 185000
	aishaBigWinCents = 38500_00
)
