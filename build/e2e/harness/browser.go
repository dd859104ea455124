package harness

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// AllocatorOptions returns the options to launch headless Chromium at execPath with a
// fresh profile in userDataDir. Headless Chromium as root on this machine needs
// --no-sandbox; the other flags keep the browser from making requests of its own
// (updates, sync, field trials), so that everything on the wire comes from the page.
// extra options are appended (for example a proxy or a window size).
func AllocatorOptions(execPath, userDataDir string, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts,
		chromedp.ExecPath(execPath),
		chromedp.UserDataDir(userDataDir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		// Chromium's own traffic to Google (autofill, network time, sign-in, component
		// updates) would be indistinguishable from the page's in a proxy log: turn it off,
		// and point what cannot be turned off at a closed local port. The first three
		// features are chromedp's defaults, which this flag replaces.
		chromedp.Flag("disable-features", "site-per-process,Translate,BlinkGenPropertyTrees,"+
			"AutofillServerCommunication,NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,"+
			"DialMediaRouteProvider,CertificateTransparencyComponentUpdater"),
		chromedp.Flag("allow-browser-signin", "false"),
		chromedp.Flag("gaia-url", "http://127.0.0.1:9"),
		chromedp.Flag("component-updater", "url-source=http://127.0.0.1:9/update"),
		chromedp.WindowSize(1280, 900),
	)
	return append(opts, extra...)
}

// NewTab opens a page in a new browser context (its own cookies, storage, caches and
// service workers, like a fresh profile) of the browser behind browserCtx, and returns a
// chromedp context for it. cancel closes the page and discards the browser context.
//
// chromedp.WithNewBrowserContext cannot be used with headless Chromium 156: it creates
// the page without a window, which fails with "Failed to open new tab - no browser is
// open"; asking for a new window works.
func NewTab(browserCtx context.Context) (context.Context, context.CancelFunc, error) {
	c := chromedp.FromContext(browserCtx)
	if c == nil || c.Browser == nil {
		return nil, nil, errors.New("NewTab: the browser is not running (call chromedp.Run on its context first)")
	}
	ex := cdp.WithExecutor(browserCtx, c.Browser)
	bcID, err := target.CreateBrowserContext().Do(ex)
	if err != nil {
		return nil, nil, fmt.Errorf("create browser context: %w", err)
	}
	dispose := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		target.DisposeBrowserContext(bcID).Do(cdp.WithExecutor(ctx, c.Browser))
	}
	tid, err := target.CreateTarget("about:blank").WithBrowserContextID(bcID).WithNewWindow(true).Do(ex)
	if err != nil {
		dispose()
		return nil, nil, fmt.Errorf("create page: %w", err)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(tid))
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		dispose()
		return nil, nil, fmt.Errorf("attach to page: %w", err)
	}
	return ctx, func() {
		cancel()
		closeCtx, cancelClose := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancelClose()
		target.CloseTarget(tid).Do(cdp.WithExecutor(closeCtx, c.Browser))
		dispose()
	}, nil
}
