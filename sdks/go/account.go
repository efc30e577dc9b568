package reelforge

import (
	"context"
	"net/http"
	"net/url"
)

// Account is GET /v1/account.
type Account struct {
	AccountID string `json:"account_id"`
	Name      string `json:"name"`
	Status    string `json:"status"`
	Plan      struct {
		ID               string `json:"id"`
		Name             string `json:"name"`
		CreditsPerPeriod int64  `json:"credits_per_period"`
		VideoAllowed     bool   `json:"video_allowed"`
		CreditsPerClip   int64  `json:"credits_per_clip"`
	} `json:"plan"`
	Balance  int64 `json:"balance"`
	InFlight int64 `json:"in_flight"`
	Limits   struct {
		MaxConcurrentJobs  int      `json:"max_concurrent_jobs"`
		DailyClipCap       *int     `json:"daily_clip_cap"`
		AllowedResolutions []string `json:"allowed_resolutions"`
	} `json:"limits"`
	Key struct {
		Mode   string `json:"mode"`
		Prefix string `json:"prefix"`
	} `json:"key"`
}

// LedgerEntry is one credit movement; debits are negative.
type LedgerEntry struct {
	ID           string `json:"id"`
	Kind         string `json:"kind"` // grant, debit, refund, adjustment
	Amount       int64  `json:"amount"`
	GenerationID string `json:"generation_id"`
	Reason       string `json:"reason"`
	Actor        string `json:"actor"`
	CreatedAt    string `json:"created_at"`
}

// AccountService is client.Account.
type AccountService struct{ c *Client }

// Get reads the calling key's account: plan, balance, jobs in flight, limits.
func (s *AccountService) Get() (*Account, error) {
	var a Account
	if _, err := s.c.do(context.Background(), &request{method: http.MethodGet, path: "/v1/account"}, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// Ledger iterates over the account's ledger, newest first; limit is the page size (0: the default 20).
func (s *AccountService) Ledger(limit int) *Iter[LedgerEntry] {
	return newIter[LedgerEntry](s.c, "/v1/account/ledger", url.Values{}, limit, nil)
}
