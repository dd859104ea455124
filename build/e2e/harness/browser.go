package harness

import (
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
		chromedp.WindowSize(1280, 900),
	)
	return append(opts, extra...)
}
