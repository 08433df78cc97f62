// Package deliver sends the documents "repcard run" wrote for a period by
// e-mail, one message per recipient, and keeps a ledger of what was sent.
//
// # Recipients
//
// Plan reads out/<period>/metrics.json and the PDFs beside it. Each rep gets
// reps/<slug>.pdf, and review/<slug>.pdf when it was written, at the
// roster's Email of the rep (metrics.json "email"). Each manager gets
// managers/<slug>.pdf at their own roster row's Email, else at a "Manager
// email" column of their reps' rows. Each address of email.team_to gets
// team.pdf and team.xlsx in a message of its own. A mail's headline is its
// PDF's: "Each decided deal was worth …" where the PDF counts contacts
// from decided deals. email.cc_manager puts the manager in
// Cc of each rep's mail. A rep or manager with no address is listed ("no
// e-mail address for Jane Doe: add an Email column to the roster"),
// written in the ledger as skipped, and is not a failure. A rep whose PDF
// is not in the folder (a run with -rep) has no message.
//
// # The ledger
//
// out/<period>/deliveries.csv has one row per message, keyed by kind and
// recipient: address, Cc, documents, the SHA-256 of each, Message-ID,
// status, the server's reply code and text, attempts and time (UTC). It is
// written whole and atomically (output.WriteFile) before each message is
// handed to the server (status "sending") and after (sent or failed), so a
// send killed at any moment loses at most the message in flight. A message
// is sent again only when its row is not "sent", or its address or a
// document's hash changed since; a row still "sending" at the next send
// was in flight when a send stopped and may have arrived: it is listed,
// not sent again, unless -only-failed, which sends only the failed and
// the interrupted. A row of a message not in the current plan is kept.
//
// A dry run writes each message as outbox/<kind>-<slug>.eml and a
// "dry-run" row where the ledger has none (never over a sent or failed
// row). A trial (-to) sends every message to one address and writes no
// row.
//
// # Failures
//
// A temporary failure — a 4xx reply, or no reply at all (connection reset
// or dropped in the middle of DATA, timeout) — is retried on a new
// connection after a backoff (Options.Backoff, doubled each time, plus up
// to as much again at random), up to Options.Attempts tries; a permanent
// one (5xx) is not retried. One recipient's failure never stops the
// others. A server that cannot be reached, or refuses the login, stops the
// send with a *ServerError holding the server's words: nothing more could
// be sent.
//
// The Message-ID is derived from the period, the recipient, the address
// and the documents' hashes, so every attempt of one message carries the
// same ID. email.rate_per_minute paces the messages; a PDF over
// email.max_attachment_mb is not attached, and the mail says where it is.
//
// The subject and body come from templates/email.tmpl (the built-in one
// when the folder has none), checked on sample data before anything is
// sent. The password is read from email.password_file or the variable
// email.password_env, never from config.yaml. The mail library is
// github.com/wneessen/go-mail.
package deliver
