package harness

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/hit-salary/hit-salary/build/pages"
)

// Base is the base path the built site is served under: $HIT_BASE (the Makefile passes
// its BASE, so `make e2e BASE=/` tests a site built for the root), else
// pages.DefaultBase. A base that does not normalize is kept as it is: NewServer reports
// it.
var Base = baseFromEnv()

func baseFromEnv() string {
	b := os.Getenv("HIT_BASE")
	if b == "" {
		return pages.DefaultBase
	}
	if n, err := pages.NormalizeBase(b); err == nil {
		return n
	}
	return b
}

// Root returns the repository root: the nearest directory at or above the working
// directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Dist returns the absolute path of the built site named by dir, or by the HIT_DIST
// environment variable when dir is empty. It checks that index.html and web/app.wasm
// are there.
func Dist(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv("HIT_DIST")
	}
	if dir == "" {
		return "", errors.New("HIT_DIST is not set: build the site (make build) and set HIT_DIST to the dist directory")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for _, f := range []string{"index.html", "app.js", "app-worker.js", filepath.Join("web", "app.wasm")} {
		if _, err := os.Stat(filepath.Join(abs, f)); err != nil {
			return "", fmt.Errorf("%s is not a built site: %w", dir, err)
		}
	}
	return abs, nil
}

// ChromePath returns the Chromium executable: $CHROME_PATH, else /usr/bin/chromium.
// It returns an error when the file cannot be run.
func ChromePath() (string, error) {
	p := os.Getenv("CHROME_PATH")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	lp, err := exec.LookPath(p)
	if err != nil {
		return "", fmt.Errorf("chromium not found (install it with apt-get install -y chromium, or set CHROME_PATH): %w", err)
	}
	return lp, nil
}
