// Package config loads repcard's config.yaml: every key has a default, so an
// empty file works, and an unknown key or a value of the wrong type is an
// *Error that names the key and its line.
//
//	commission:
//	  rate: 0.12
//	  reps:
//	    "Jane Doe": {rate: 0.15}
//
//	cfg, err := config.Load("config.yaml") // a missing file is an error; Load("") gives the defaults
//	cfg.Commission.Rate                     // 0.12
//	cfg.RateFor("jane  DOE")                // 0.15: rep names match ignoring case and extra spaces
//	cfg.PerSaleFor("Jane Doe")              // 0: not overridden, the team's value
//
// Keys a file leaves out keep their defaults (Default). A list given in the
// file replaces the default list, and loss_reasons.categories given in the
// file replaces the default categories; a key written with no value (null)
// keeps its default. Starter returns a commented config.yaml that lists every
// key with its default.
package config
