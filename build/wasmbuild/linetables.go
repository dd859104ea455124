package wasmbuild

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
)

// Go's function table (runtime.pclntab) gives every function tables that map a
// program counter to a value: the stack frame size (pcsp) and the GC's stack maps
// and inlining indices (pcdata), which the runtime needs to run, and the source
// file and line (pcfile, pcln), which it only reads to print a stack trace or to
// answer runtime.Caller. In this app the two line tables are 198 KB of the 302 KB of
// pc tables and 105 KB of app.wasm.xz's 1.15 MB (9%), for file:line in the console
// when Go panics. -ldflags=-s -w already drops the symbol table and DWARF for the
// same reason; the Go linker has no flag for these, so DropLineTables does it after
// linking: each function's pcfile and pcln offsets become 0, which the runtime reads
// as "no table" (runtime.pcvalue returns -1 and funcline1 answers "?", 0: a trace
// still names every function, runtime.Caller reports file "?" and line 0), and the
// bytes only those tables used become zeros, which compress to nothing.
//
// The layout is Go's (runtime/symtab.go pcHeader, runtime/runtime2.go _func), which
// changes between Go releases: DropLineTables checks every field it relies on and
// fails the build rather than guess (see TestDropLineTablesGoProgram, which runs a
// program with tracebacks, deep stacks and the GC before and after).

// pclnMagic is abi.Go120PCLnTabMagic, the first word of the pcHeader of Go 1.20
// and later.
const pclnMagic = 0xfffffff1

// pcHeader field offsets (64-bit pointers: wasm's uintptr is 8 bytes).
const (
	pcHeaderSize   = 8 + 8*8
	funcFixedSize  = 44 // _func up to and including nfuncdata
	funcPcfileOff  = 20
	funcPclnOff    = 24
	funcNpcdataOff = 28
	funcNfdataOff  = 43
)

// LineStats says what DropLineTables did.
type LineStats struct {
	Funcs  int // functions in the table
	Tables int // distinct line tables dropped
	Zeroed int // bytes of the pc tables set to zero
}

// DropLineTables returns the Go js/wasm module b without the file and line
// tables of its functions (see above). The module's data segments keep their
// places and sizes; only bytes inside them change, and the result's initial
// memory is checked by hash against the one computed here.
func DropLineTables(b []byte) ([]byte, LineStats, error) {
	var st LineStats
	m, err := parseModule(b)
	if err != nil {
		return nil, st, err
	}
	idx := -1
	for i, s := range m.sections {
		if s.ID == sectionData {
			idx = i
		}
	}
	if idx < 0 {
		return nil, st, errors.New("no data section")
	}
	segs, err := dataSegments(m.sections[idx].Content)
	if err != nil {
		return nil, st, err
	}
	mem, _, err := InitialMemory(b)
	if err != nil {
		return nil, st, err
	}
	t, err := findPclntab(mem)
	if err != nil {
		return nil, st, err
	}
	if st, err = t.dropLines(); err != nil {
		return nil, st, err
	}
	// Write memory back into the segments it came from: same offsets, same lengths.
	out := make([]segment, len(segs))
	for i, s := range segs {
		out[i] = segment{Offset: s.Offset, Data: bytes.Clone(mem[s.Offset : int(s.Offset)+len(s.Data)])}
	}
	m.sections[idx].Content = encodeData(out)
	res := m.encode()
	after, _, err := InitialMemory(res)
	if err != nil {
		return nil, st, err
	}
	if sha256.Sum256(after) != sha256.Sum256(mem) {
		return nil, st, errors.New("line tables: a changed byte lies outside every data segment")
	}
	return res, st, nil
}

// pclntab is the function table found in a module's initial memory.
type pclntab struct {
	mem                                   []byte
	hdr                                   int // address of the pcHeader
	nfunc                                 int
	funcname, cu, filetab, pctab, funclns int // addresses of the tables
	pctabLen                              int
}

// findPclntab finds the one pcHeader in mem and checks it is the layout this
// file knows.
func findPclntab(mem []byte) (*pclntab, error) {
	var magic [6]byte
	binary.LittleEndian.PutUint32(magic[:], pclnMagic) // then pad1 = pad2 = 0
	var found []*pclntab
	for from := 0; ; {
		i := bytes.Index(mem[from:], magic[:])
		if i < 0 {
			break
		}
		at := from + i
		from = at + 1
		if at%8 != 0 || at+pcHeaderSize > len(mem) || mem[at+6] != 1 || mem[at+7] != 8 {
			continue // minLC 1 and 8-byte pointers: wasm
		}
		u := func(k int) int { return int(binary.LittleEndian.Uint64(mem[at+8+8*k:])) }
		t := &pclntab{mem: mem, hdr: at, nfunc: u(0),
			funcname: at + u(3), cu: at + u(4), filetab: at + u(5), pctab: at + u(6), funclns: at + u(7)}
		if t.nfunc <= 0 || t.nfunc > 1<<24 ||
			!(at+pcHeaderSize <= t.funcname && t.funcname <= t.cu && t.cu <= t.filetab &&
				t.filetab <= t.pctab && t.pctab < t.funclns && t.funclns+8*(t.nfunc+1) <= len(mem)) {
			continue
		}
		t.pctabLen = t.funclns - t.pctab
		found = append(found, t)
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("line tables: found %d Go function tables (pcHeader, magic %#x), want 1: has the Go toolchain's layout changed?", len(found), pclnMagic)
	}
	return found[0], nil
}

func (t *pclntab) u32(at int) uint32 { return binary.LittleEndian.Uint32(t.mem[at:]) }

// tableEnd returns the end (relative to pctab) of the pc-value table at off:
// pairs of varints, value delta then pc delta, until a zero value delta that is
// not the first (runtime.step).
func (t *pclntab) tableEnd(off uint32) (int, error) {
	p := int(off)
	varint := func() error {
		for p < t.pctabLen && t.mem[t.pctab+p]&0x80 != 0 {
			p++
		}
		if p >= t.pctabLen {
			return fmt.Errorf("line tables: pc table at %d runs past the end", off)
		}
		p++
		return nil
	}
	for first := true; ; first = false {
		if p >= t.pctabLen {
			return 0, fmt.Errorf("line tables: pc table at %d runs past the end", off)
		}
		if t.mem[t.pctab+p] == 0 && !first {
			return p + 1, nil
		}
		if err := varint(); err != nil {
			return 0, err
		}
		if err := varint(); err != nil {
			return 0, err
		}
	}
}

// dropLines clears every function's pcfile and pcln and zeroes the bytes of the
// pc tables that no remaining table (pcsp, pcdata) uses: the linker shares equal
// tables between functions and kinds.
func (t *pclntab) dropLines() (LineStats, error) {
	st := LineStats{Funcs: t.nfunc}
	keep := make([]bool, t.pctabLen)
	drop := map[uint32]bool{}
	var fields []int
	prevEntry := -1
	for k := 0; k < t.nfunc; k++ {
		entry, foff := t.u32(t.funclns+8*k), t.u32(t.funclns+8*k+4)
		f := t.funclns + int(foff)
		if int(entry) < prevEntry || f+funcFixedSize > len(t.mem) {
			return st, fmt.Errorf("line tables: function %d: entry %d after %d or _func outside memory", k, entry, prevEntry)
		}
		prevEntry = int(entry)
		// _func starts with entryOff, the same as the function table's: a check
		// that f really is a _func.
		if t.u32(f) != entry {
			return st, fmt.Errorf("line tables: function %d: _func.entryOff %d ≠ %d: has Go's _func layout changed?", k, t.u32(f), entry)
		}
		if nameOff := int(t.u32(f + 4)); nameOff < 0 || t.funcname+nameOff >= t.cu {
			return st, fmt.Errorf("line tables: function %d: name offset %d outside the name table", k, nameOff)
		}
		npcdata := int(t.u32(f + funcNpcdataOff))
		if npcdata > 64 || f+funcFixedSize+4*npcdata > len(t.mem) {
			return st, fmt.Errorf("line tables: function %d: %d pcdata tables", k, npcdata)
		}
		kept := []uint32{t.u32(f + 16)} // pcsp
		for i := 0; i < npcdata; i++ {
			kept = append(kept, t.u32(f+funcFixedSize+4*i))
		}
		_ = t.mem[f+funcNfdataOff] // nfuncdata: funcdata offsets follow, unchanged
		for _, off := range kept {
			if off == 0 {
				continue
			}
			end, err := t.tableEnd(off)
			if err != nil {
				return st, err
			}
			for i := int(off); i < end; i++ {
				keep[i] = true
			}
		}
		for _, at := range []int{f + funcPcfileOff, f + funcPclnOff} {
			if off := t.u32(at); off != 0 {
				if int(off) >= t.pctabLen {
					return st, fmt.Errorf("line tables: function %d: table offset %d outside pctab (%d bytes)", k, off, t.pctabLen)
				}
				drop[off] = true
			}
		}
		fields = append(fields, f)
	}
	for off := range drop {
		end, err := t.tableEnd(off)
		if err != nil {
			return st, err
		}
		for i := int(off); i < end; i++ {
			if !keep[i] && t.mem[t.pctab+i] != 0 {
				t.mem[t.pctab+i] = 0
				st.Zeroed++
			}
		}
	}
	for _, f := range fields {
		binary.LittleEndian.PutUint32(t.mem[f+funcPcfileOff:], 0)
		binary.LittleEndian.PutUint32(t.mem[f+funcPclnOff:], 0)
	}
	st.Tables = len(drop)
	return st, nil
}
