package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Every tab (newTab) watches for what the browser reports against the pages' Content
// Security Policy and Trusted Types (issue 8), in the page and in its frames, and the
// test fails on any of it unless it provokes one on purpose (tab.allowViolations):
//   - securitypolicyviolation events, from a listener installed before any page script
//     runs (Page.addScriptToEvaluateOnNewDocument, in every frame), reported through a
//     binding;
//   - the browser's own console messages about them (Log.entryAdded: "Refused to …",
//     "… Content Security Policy …", "… Trusted Type …").

// policyMessage matches what Chromium writes to the console about a CSP or Trusted Types
// violation ("Refused to … because it violates the following Content Security Policy
// directive", "This document requires 'TrustedScriptURL' assignment", "… TrustedTypePolicy …").
var policyMessage = regexp.MustCompile(`Content[ -]Security[ -]Policy|Trusted ?Type|TrustedScript|TrustedHTML|require-trusted-types-for`)

// violationBinding is the function the page calls to report a violation.
const violationBinding = "__hitPolicyViolation"

// violationListener runs in every document before its own scripts.
const violationListener = `(() => {
	const report = globalThis.` + violationBinding + `;
	if (typeof report !== 'function') return;
	document.addEventListener('securitypolicyviolation', e => {
		try {
			report(JSON.stringify({directive: e.effectiveDirective || e.violatedDirective, blocked: String(e.blockedURI || ''),
				source: String(e.sourceFile || '') + ':' + e.lineNumber, sample: String(e.sample || '').slice(0, 120),
				page: String(location.href).slice(0, 160)}));
		} catch (err) {}
	}, true);
})();`

// watchPolicy installs the violation watch in the tab; newTab calls it.
func (tb *tab) watchPolicy() {
	tb.t.Helper()
	chromedp.ListenTarget(tb.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventBindingCalled:
			if ev.Name == violationBinding {
				tb.addViolation("securitypolicyviolation " + ev.Payload)
			}
		case *log.EventEntryAdded:
			e := ev.Entry
			if e == nil {
				return
			}
			if policyMessage.MatchString(e.Text) {
				tb.addViolation(fmt.Sprintf("console (%s, %s): %s (%s:%d)", e.Source, e.Level, e.Text, e.URL, e.LineNumber))
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.APITypeError {
				return
			}
			for _, a := range ev.Args {
				s := string(a.Value) + a.Description
				if policyMessage.MatchString(s) {
					tb.addViolation("console.error: " + s)
				}
			}
		}
	})
	tb.run("watch CSP and Trusted Types violations",
		runtime.AddBinding(violationBinding),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(violationListener).Do(ctx)
			return err
		}),
	)
	tb.t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, v := range tb.violations {
			if tb.allowViolations {
				tb.t.Logf("policy violation (allowed): %s", v)
			} else {
				tb.t.Errorf("Content Security Policy / Trusted Types violation: %s", v)
			}
		}
	})
}

func (tb *tab) addViolation(s string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.violations = append(tb.violations, s)
}

// policyViolations returns the violations reported so far.
func (tb *tab) policyViolations() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.violations...)
}

// waitViolations waits up to d for at least n violations and returns them.
func (tb *tab) waitViolations(n int, d time.Duration) []string {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if v := tb.policyViolations(); len(v) >= n {
			return v
		}
		time.Sleep(pollEvery)
	}
	return tb.policyViolations()
}

// violationJSON decodes a securitypolicyviolation report.
func violationJSON(s string) map[string]string {
	var m map[string]string
	json.Unmarshal([]byte(strings.TrimPrefix(s, "securitypolicyviolation ")), &m)
	return m
}
