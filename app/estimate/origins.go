package estimate

// OriginInfo is an occupation people move from into healthcare IT: the Input.From of a
// career changer, whose pay the estimate is compared with.
type OriginInfo struct {
	Slug  Origin
	SOC   string     // BLS SOC code
	Name  string     // English name (BLS title, shortened)
	Field Background // the field its years belong to: clinical, IT, or new (neither)
	Group string     // how a list groups it: "clinical" (clinical and office jobs), "it" or "roles"
}

// origins lists the occupations of the origins table (data/oews_origins_2025.csv), in the
// order the UI lists them: clinical first, then office, then IT. Every role of the
// catalogue is an origin too (see LookupOrigin).
var origins = []OriginInfo{
	{"registered-nurse", "29-1141", "Registered nurse", BackgroundClinical, "clinical"},
	{"lpn", "29-2061", "Licensed practical or vocational nurse", BackgroundClinical, "clinical"},
	{"nurse-practitioner", "29-1171", "Nurse practitioner", BackgroundClinical, "clinical"},
	{"physician-assistant", "29-1071", "Physician assistant", BackgroundClinical, "clinical"},
	{"pharmacist", "29-1051", "Pharmacist", BackgroundClinical, "clinical"},
	{"pharmacy-technician", "29-2052", "Pharmacy technician", BackgroundClinical, "clinical"},
	{"radiologic-technologist", "29-2034", "Radiologic technologist", BackgroundClinical, "clinical"},
	{"respiratory-therapist", "29-1126", "Respiratory therapist", BackgroundClinical, "clinical"},
	{"medical-assistant", "31-9092", "Medical assistant", BackgroundClinical, "clinical"},
	{"medical-secretary", "43-6013", "Medical secretary or administrative assistant", BackgroundNew, "clinical"},
	{"billing-clerk", "43-3021", "Billing and posting clerk", BackgroundNew, "clinical"},
	{"network-support", "15-1231", "Computer network support specialist", BackgroundIT, "it"},
	{"network-architect", "15-1241", "Computer network architect", BackgroundIT, "it"},
	{"database-architect", "15-1243", "Database architect", BackgroundIT, "it"},
	{"qa-tester", "15-1253", "Software quality assurance analyst or tester", BackgroundIT, "it"},
	{"web-developer", "15-1254", "Web developer", BackgroundIT, "it"},
}

// originRow is one occupation's median in one area.
type originRow struct {
	Median     int // 0: not published
	Employment int
	Source     string
}

// Origins returns the occupations a person can name as their current one, in display
// order: those of the origins table, then every role of the catalogue.
func Origins() []OriginInfo {
	out := append([]OriginInfo(nil), origins...)
	for _, r := range roles {
		out = append(out, roleOrigin(r))
	}
	return out
}

func roleOrigin(r RoleInfo) OriginInfo {
	f := BackgroundNew // health information work is neither a clinical nor an IT field
	if r.Tech {
		f = BackgroundIT
	}
	return OriginInfo{Slug: Origin(r.Slug), SOC: r.SOC, Name: r.Name, Field: f, Group: "roles"}
}

// LookupOrigin returns an origin by slug. "" (none) is not an origin.
func LookupOrigin(o Origin) (OriginInfo, bool) {
	for _, x := range origins {
		if x.Slug == o {
			return x, true
		}
	}
	if r, ok := LookupRole(Role(o)); ok {
		return roleOrigin(r), true
	}
	return OriginInfo{}, false
}

// originMedian is the median of an origin's occupation in an area, from the origins
// table or, for a catalogue role, the wage table; ok is false where BLS published none.
func originMedian(o OriginInfo, area string) (median int, source string, ok bool) {
	if r, found := originWages[areaSOC{area, o.SOC}]; found && r.Median > 0 {
		return r.Median, r.Source, true
	}
	if r, found := oewsWages[areaSOC{area, o.SOC}]; found && r.Pct.P50 > 0 {
		return r.Pct.P50, r.Source, true
	}
	return 0, "", false
}

// fromPay compares the estimate with the median of the person's current occupation in
// the area, or nationally where BLS published no figure for the area.
func fromPay(in Input, a Area, estimate int) *FromPay {
	o, ok := LookupOrigin(in.From)
	if !ok {
		return nil
	}
	fp := &FromPay{From: o.Slug, SOC: o.SOC}
	name := argKey("from", "origin."+string(o.Slug), o.Name)
	if _, isRole := LookupRole(Role(o.Slug)); isRole {
		name = argKey("from", "role."+string(o.Slug)+".name", o.Name)
	}
	med, src, found := originMedian(o, a.Code)
	if !found {
		med, src, found = originMedian(o, "US")
		fp.Fallback = true
	}
	if !found {
		return nil // no national figure either: nothing honest to compare
	}
	fp.Median, fp.Source = med, src
	fp.Difference = estimate - med
	key := "note.from"
	if fp.Fallback {
		key = "note.from.fallback"
	}
	fp.Note = msg(key, name, areaArg(a), argMoney("median", med), periodArg("period", originPeriod))
	return fp
}
