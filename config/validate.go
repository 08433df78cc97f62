package config

import (
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Validate checks the values that a YAML type cannot: shares between 0 and
// 1, known page sizes, date orders, decimal styles, goal bases and mapping
// kinds and fields, non-negative amounts and days, positive limits, no empty
// words, and no two per-rep entries for the same rep. It returns the first
// problem as an *Error (Line 0: a Config built in code has no lines), or nil.
// Enumerated values must be spelled as Parse returns them ("A4", "auto",
// "deals", "deal_id").
func (c *Config) Validate() error {
	if e := c.validate(nil); e != nil {
		return e
	}
	return nil
}

// validator finds the line of a key in the file, when there is a file.
type validator struct {
	lines map[string]int
}

// fail builds an *Error for key, with the line of the first of key and
// then the fallbacks that the file has (a missing key has no line of its
// own: mapping[0].files falls back to mapping[0]).
func (v validator) fail(key string, fallbacks []string, format string, args ...any) *Error {
	e := &Error{Key: key, Msg: fmt.Sprintf(format, args...)}
	for _, k := range append([]string{key}, fallbacks...) {
		if l, ok := v.lines[k]; ok {
			e.Line = l
			break
		}
	}
	return e
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (v validator) share(key string, f float64) *Error {
	if !(f >= 0 && f <= 1) {
		return v.fail(key, nil, "want a share between 0 and 1 (0.10 is 10 %%), got %s", num(f))
	}
	return nil
}

func (v validator) nonNegative(key string, f float64) *Error {
	if !(f >= 0) || math.IsInf(f, 0) {
		return v.fail(key, nil, "want 0 or more, got %s", num(f))
	}
	return nil
}

func (v validator) count(key string, n int) *Error {
	if n < 0 {
		return v.fail(key, nil, "want 0 or more, got %d", n)
	}
	return nil
}

func (v validator) limit(key string, n int) *Error {
	if n <= 0 {
		return v.fail(key, nil, "want a whole number above 0, got %d", n)
	}
	return nil
}

func (v validator) oneOf(key, got string, allowed ...string) *Error {
	if slices.Contains(allowed, got) {
		return nil
	}
	want := strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
	return v.fail(key, nil, "want %s, got %s", want, quote(got))
}

// words checks that no entry of a list is blank: a blank word would match
// blank cells.
func (v validator) words(key string, list []string) *Error {
	for i, w := range list {
		if strings.TrimSpace(w) == "" {
			return v.fail(indexKey(key, i), []string{key}, "want a word, got %s", quote(w))
		}
	}
	return nil
}

// reps checks the names of a per-rep map: none blank, and no two that are
// the same rep once case and spaces are ignored. names are sorted.
func (v validator) reps(key string, names []string) *Error {
	// In file order, so that the second of two names is the one reported.
	names = slices.Clone(names)
	slices.SortStableFunc(names, func(a, b string) int {
		return v.lines[joinKey(key, a)] - v.lines[joinKey(key, b)]
	})
	seen := map[string]string{}
	for _, name := range names {
		k := repKey(name)
		if k == "" {
			return v.fail(joinKey(key, name), []string{key}, "want a rep's name")
		}
		if first, dup := seen[k]; dup {
			return v.fail(joinKey(key, name), []string{key}, "the same rep as %s (names match ignoring case and spaces)", quote(first))
		}
		seen[k] = name
	}
	return nil
}

func (v validator) glob(key, pattern string, parent string) *Error {
	if _, err := path.Match(pattern, ""); err != nil {
		return v.fail(key, []string{parent}, "want a file pattern such as \"deals*.csv\", got %s: %v", quote(pattern), err)
	}
	return nil
}

func (c *Config) validate(lines map[string]int) *Error {
	v := validator{lines: lines}
	var checks []func() *Error
	add := func(fs ...func() *Error) { checks = append(checks, fs...) }

	add(
		func() *Error { return v.oneOf("page_size", c.PageSize, "A4", "Letter") },
		func() *Error { return v.oneOf("date_order", c.DateOrder, "auto", "mdy", "dmy") },
		func() *Error { return v.oneOf("decimal", c.Decimal, "auto", "point", "comma") },
		func() *Error { return v.words("contact_types", c.ContactTypes) },
		func() *Error { return v.share("commission.rate", c.Commission.Rate) },
		func() *Error { return v.nonNegative("commission.per_sale", c.Commission.PerSale) },
		func() *Error {
			names := slices.Sorted(maps.Keys(c.Commission.Reps))
			if e := v.reps("commission.reps", names); e != nil {
				return e
			}
			for _, name := range names {
				o, k := c.Commission.Reps[name], joinKey("commission.reps", name)
				if o.Rate != nil {
					if e := v.share(joinKey(k, "rate"), *o.Rate); e != nil {
						return e
					}
				}
				if o.PerSale != nil {
					if e := v.nonNegative(joinKey(k, "per_sale"), *o.PerSale); e != nil {
						return e
					}
				}
			}
			return nil
		},
		func() *Error { return v.oneOf("goals.basis", c.Goals.Basis, "commission", "closings") },
		func() *Error { return v.nonNegative("goals.monthly_commission", c.Goals.MonthlyCommission) },
		func() *Error { return v.nonNegative("goals.annual_commission", c.Goals.AnnualCommission) },
		func() *Error { return v.count("goals.monthly_closings", c.Goals.MonthlyClosings) },
		func() *Error { return v.count("goals.annual_closings", c.Goals.AnnualClosings) },
		func() *Error {
			names := slices.Sorted(maps.Keys(c.Goals.Reps))
			if e := v.reps("goals.reps", names); e != nil {
				return e
			}
			for _, name := range names {
				g, k := c.Goals.Reps[name], joinKey("goals.reps", name)
				for _, f := range []struct {
					key string
					val *float64
				}{{"monthly_commission", g.MonthlyCommission}, {"annual_commission", g.AnnualCommission}} {
					if f.val != nil {
						if e := v.nonNegative(joinKey(k, f.key), *f.val); e != nil {
							return e
						}
					}
				}
				for _, f := range []struct {
					key string
					val *int
				}{{"monthly_closings", g.MonthlyClosings}, {"annual_closings", g.AnnualClosings}} {
					if f.val != nil {
						if e := v.count(joinKey(k, f.key), *f.val); e != nil {
							return e
						}
					}
				}
			}
			return nil
		},
		func() *Error { return v.count("follow_up_after_days", c.FollowUpAfterDays) },
		func() *Error { return v.count("stale_after_days", c.StaleAfterDays) },
		func() *Error { return v.words("late_stages", c.LateStages) },
		func() *Error {
			if !(c.NearMissProb >= 0 && c.NearMissProb <= 100) {
				return v.fail("near_miss_probability", nil, "want a per cent between 0 and 100, got %s", num(c.NearMissProb))
			}
			return nil
		},
		func() *Error { return v.nonNegative("alerts.ratio_worse_pct", c.Alerts.RatioWorsePct) },
		func() *Error { return v.nonNegative("alerts.contacts_down_pct", c.Alerts.ContactsDownPct) },
		func() *Error { return v.nonNegative("alerts.value_down_pct", c.Alerts.ValueDownPct) },
		func() *Error { return v.nonNegative("alerts.week_ratio_worse_pct", c.Alerts.WeekRatioWorsePct) },
		func() *Error { return v.nonNegative("alerts.week_contacts_down_pct", c.Alerts.WeekContactsDownPct) },
		func() *Error { return v.nonNegative("alerts.week_value_down_pct", c.Alerts.WeekValueDownPct) },
		func() *Error { return v.count("alerts.week_min_contacts", c.Alerts.WeekMinContacts) },
		func() *Error { return v.oneOf("cadence", c.Cadence, "month", "week") },
		func() *Error {
			for _, name := range slices.Sorted(maps.Keys(c.LossReasons.Categories)) {
				k := joinKey("loss_reasons.categories", name)
				if strings.TrimSpace(name) == "" {
					return v.fail(k, []string{"loss_reasons.categories"}, "want a category name")
				}
				if e := v.words(joinKey(k, "match"), c.LossReasons.Categories[name].Match); e != nil {
					return e
				}
			}
			return nil
		},
		func() *Error { return v.words("words.won", c.Words.Won) },
		func() *Error { return v.words("words.lost", c.Words.Lost) },
		func() *Error { return v.words("words.open", c.Words.Open) },
		func() *Error { return v.words("words.maybe", c.Words.Maybe) },
		func() *Error { return v.words("words.planned", c.Words.Planned) },
		func() *Error { return v.words("words.no_contact", c.Words.NoContact) },
		func() *Error { return v.words("words.no_owner", c.Words.NoOwner) },
		func() *Error { return v.words("words.referral", c.Words.Referral) },
	)
	for i := range c.Mapping {
		add(func() *Error { return v.mapping(indexKey("mapping", i), &c.Mapping[i]) })
	}
	add(
		func() *Error { return v.rates("exchange_rates", c.ExchangeRates) },
		func() *Error { return v.limit("limits.max_file_mb", c.Limits.MaxFileMB) },
		func() *Error { return v.limit("limits.max_unzip_mb", c.Limits.MaxUnzipMB) },
		func() *Error { return v.limit("limits.max_xml_memory_mb", c.Limits.MaxXMLMemoryMB) },
		func() *Error { return v.limit("limits.max_rows", c.Limits.MaxRows) },
		func() *Error { return v.limit("limits.max_columns", c.Limits.MaxColumns) },
		func() *Error { return v.limit("limits.max_cell_bytes", c.Limits.MaxCellBytes) },
		func() *Error { return v.limit("limits.max_total_rows", c.Limits.MaxTotalRows) },
		func() *Error { return v.email(&c.Email) },
	)
	for _, check := range checks {
		if e := check(); e != nil {
			return e
		}
	}
	return nil
}

func (v validator) mapping(key string, m *Mapping) *Error {
	up := []string{key}
	if strings.TrimSpace(m.Files) == "" {
		return v.fail(joinKey(key, "files"), up, "want a file pattern such as \"deals*.csv\" (relative to the inbox)")
	}
	if e := v.glob(joinKey(key, "files"), m.Files, key); e != nil {
		return e
	}
	if m.Sheet != "" {
		if e := v.glob(joinKey(key, "sheet"), m.Sheet, key); e != nil {
			return e
		}
	}
	if !slices.Contains(kinds, m.Kind) {
		return v.fail(joinKey(key, "kind"), up, "want %s or %s, got %s",
			strings.Join(kinds[:len(kinds)-1], ", "), kinds[len(kinds)-1], quote(m.Kind))
	}
	ck := joinKey(key, "columns")
	for _, field := range slices.Sorted(maps.Keys(m.Columns)) {
		fk := joinKey(ck, field)
		if _, ok := slices.BinarySearch(Fields, field); !ok {
			if s := suggest(field, Fields); s != "" {
				return v.fail(fk, []string{ck, key}, "unknown field (did you mean %s?)", s)
			}
			return v.fail(fk, []string{ck, key}, "unknown field; the fields are %s", strings.Join(Fields, ", "))
		}
		if strings.TrimSpace(m.Columns[field]) == "" {
			return v.fail(fk, []string{ck, key}, "want the header text of the column")
		}
	}
	return nil
}
