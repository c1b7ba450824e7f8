package compose

import (
	"regexp"
	"slices"
	"strings"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
)

// Section is one heading of part I with its paragraphs.
type Section struct {
	Title      string
	Paragraphs []string
}

// said is what one unit said on one task, tidied: its clauses and the
// documents it cited.
type said struct {
	unit    string // code
	task    string
	clauses []string
	docs    []string
}

// maxParagraph is about the length of a paragraph a reader takes in at
// once: a section's text is cut into paragraphs between tasks past it.
const maxParagraph = 900

// results writes part I: a heading for each section of the plan that has
// something to say, and its paragraphs. A clause several units pasted into
// three tasks or more («lồng ghép … giao ban hằng tháng») is said once,
// in the section where it stands most, naming every unit that wrote it.
func (w *writer) results() []Section {
	var all [][]said                     // by section
	seen := map[string]map[string]bool{} // clause key -> tasks
	for _, s := range w.r.Sections {
		var list []said
		for _, t := range s.Tasks {
			for _, c := range contributions(t) {
				sd := said{unit: c.Unit, task: t.Task.Code}
				for _, cl := range sayings(c.Results) {
					sd.clauses = append(sd.clauses, cl)
					k := key(cl)
					if seen[k] == nil {
						seen[k] = map[string]bool{}
					}
					seen[k][t.Task.Code] = true
				}
				for _, d := range t.Documents {
					if d.Unit == c.Unit {
						for _, line := range documentLines(d.Text) {
							sd.docs = append(sd.docs, w.cite.cite(line, w.unitName(c.Unit)))
						}
					}
				}
				list = append(list, sd)
			}
		}
		all = append(all, list)
	}
	// the clauses said on many tasks, and where each is said
	common := map[string]int{} // key -> section index
	for k, tasks := range seen {
		if len(tasks) < 3 {
			continue
		}
		best, most := -1, 0
		for i, list := range all {
			n := 0
			for _, sd := range list {
				if slices.ContainsFunc(sd.clauses, func(c string) bool { return key(c) == k }) {
					n++
				}
			}
			if n > most {
				best, most = i, n
			}
		}
		common[k] = best
	}

	var out []Section
	// what each unit has said already in part I: a clause it copied onto
	// another task is said once, where it first stands
	told := map[string]map[string]bool{}
	for i, s := range w.r.Sections {
		var sentences []string
		var paragraphs []string
		flush := func() {
			if len(sentences) > 0 {
				paragraphs = append(paragraphs, strings.Join(sentences, " "))
				sentences = nil
			}
		}
		length := 0
		last, lastRest := "", "" // the subject of the last sentence, and what follows it
		inSection := all[i]
		for _, k := range sortedCommon(common, i, inSection) {
			sentences = append(sentences, w.commonSentence(k))
		}
		for _, t := range s.Tasks {
			var task []said
			for _, sd := range inSection {
				if sd.task != t.Task.Code {
					continue
				}
				if told[sd.unit] == nil {
					told[sd.unit] = map[string]bool{}
				}
				fresh := slices.DeleteFunc(slices.Clone(sd.clauses), func(c string) bool {
					_, ok := common[key(c)]
					again := told[sd.unit][key(c)]
					told[sd.unit][key(c)] = true
					return ok || again
				})
				if len(fresh) == 0 && len(sd.docs) > 0 {
					// the words go with the documents they cite: a repeat
					// citing other documents is said again
					fresh = slices.DeleteFunc(slices.Clone(sd.clauses), func(c string) bool { _, ok := common[key(c)]; return ok })
				}
				sd.clauses = fresh
				if len(sd.clauses) > 0 || len(sd.docs) > 0 {
					task = append(task, sd)
				}
			}
			lines := w.taskSentences(task)
			if len(lines) == 0 {
				continue
			}
			n := 0
			for _, l := range lines {
				n += len(l.text) + 1
			}
			if length > 0 && length+n > maxParagraph {
				flush()
				length = 0
				last = ""
			}
			for _, l := range lines {
				// the same unit again: one sentence, «…; kiểm tra …»
				if rest, ok := strings.CutPrefix(l.text, l.subject+" "); ok && l.subject != "" && l.subject == last && !negative(rest) && !negative(lastRest) {
					sentences[len(sentences)-1] = strings.TrimSuffix(sentences[len(sentences)-1], ".") + "; " + rest
					continue
				}
				sentences = append(sentences, l.text)
				last = l.subject
				lastRest = strings.TrimPrefix(l.text, l.subject+" ")
			}
			length += n
		}
		flush()
		if len(paragraphs) > 0 {
			title := s.Title
			if cs := w.r.Catalog.Section(s.Code); cs != nil {
				title = cs.Heading()
			}
			out = append(out, Section{Title: title, Paragraphs: paragraphs})
		}
	}
	return out
}

// contributions are the rows of a task that say something, leads first,
// then the coordinating units, then units it is not assigned to.
func contributions(t consolidate.TaskResult) []consolidate.Contribution {
	var out []consolidate.Contribution
	for _, list := range [][]consolidate.Contribution{t.Lead, t.Support, t.Others} {
		for _, c := range list {
			if strings.TrimSpace(c.Results) != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// sortedCommon lists the common clauses said in section i, in the order
// they first stand there.
func sortedCommon(common map[string]int, i int, list []said) []string {
	var out []string
	for _, sd := range list {
		for _, c := range sd.clauses {
			if at, ok := common[key(c)]; ok && at == i && !slices.Contains(out, key(c)) {
				out = append(out, key(c))
			}
		}
	}
	return out
}

// commonSentence says a clause written on many tasks once, with every unit
// that wrote it.
func (w *writer) commonSentence(k string) string {
	wrote := map[string]bool{}
	text := ""
	for _, list := range w.allSaid() {
		for _, sd := range list {
			for _, c := range sd.clauses {
				if key(c) == k {
					if text == "" {
						text = c
					}
					wrote[sd.unit] = true
				}
			}
		}
	}
	// in the order of units.yaml
	var units []string
	for _, u := range w.r.Catalog.Units {
		if wrote[u.Code] {
			units = append(units, w.unitName(u.Code))
		}
	}
	return w.sentence(names(units), w.tidy(text))
}

// allSaid re-reads every unit's clauses on every task, in the plan's order.
func (w *writer) allSaid() [][]said {
	var all [][]said
	for _, s := range w.r.Sections {
		var list []said
		for _, t := range s.Tasks {
			for _, c := range contributions(t) {
				list = append(list, said{unit: c.Unit, task: t.Task.Code, clauses: sayings(c.Results)})
			}
		}
		all = append(all, list)
	}
	return all
}

// negative tells a predicate that says what was not done («chưa có hướng
// dẫn…», «không …»): joined to another task's results it would read as
// their reason.
func negative(pred string) bool {
	f := strings.ToLower(pred)
	return strings.HasPrefix(f, "chưa ") || strings.HasPrefix(f, "không ")
}

// phrase is a sentence and its subject ("" when the sentence does not
// start with it).
type phrase struct{ subject, text string }

// taskSentences words what the units said on one task: a sentence for each
// different text, naming every unit that wrote it, with the documents it
// cites in parentheses.
func (w *writer) taskSentences(list []said) []phrase {
	type group struct {
		units []string
		text  string
		docs  []string
	}
	var groups []*group
	for _, sd := range list {
		text := w.joinClauses(sd.clauses)
		k := key(text)
		var g *group
		for _, x := range groups {
			if key(x.text) == k && k != "" {
				g = x
				break
			}
		}
		if g == nil {
			g = &group{text: text}
			groups = append(groups, g)
		}
		g.units = append(g.units, w.unitName(sd.unit))
		for _, d := range sd.docs {
			if !slices.Contains(g.docs, d) {
				g.docs = append(g.docs, d)
			}
		}
	}
	var out []phrase
	for _, g := range groups {
		subject := names(g.units)
		if g.text == "" {
			// documents with no words of results: the unit issued them
			out = append(out, phrase{subject, stop(subject + " ban hành " + w.tidy(strings.Join(g.docs, "; ")))})
			continue
		}
		s := w.sentence(subject, w.tidy(g.text))
		if len(g.docs) > 0 {
			cited := w.tidy(citations(g.docs))
			if body, ok := strings.CutSuffix(strings.TrimSuffix(s, "."), ")"); ok {
				// the unit's own parenthesis holds the citation too
				s = body + "; " + cited + ")."
			} else {
				s = strings.TrimSuffix(s, ".") + " (" + cited + ")."
			}
		}
		out = append(out, phrase{subject, s})
	}
	return out
}

// sentence makes the units the subject of what they did: «Phòng Kinh tế
// phối hợp …»; a text that does not start with a verb is given as theirs:
// «Theo báo cáo của Phòng Kinh tế, 12 tin, bài …».
func (w *writer) sentence(subject, text string) string {
	if parts := byPeriod(text); len(parts) > 0 {
		// a long period's results, each quarter's labelled by consolidate:
		// «Trong quý I năm 2026, Phòng Kinh tế …; trong quý II năm 2026, …»
		var out []string
		for i, p := range parts {
			pred, ok := w.predicate(p.text)
			if rest, own := w.ownHead(subject, p.text); own {
				// the unit named itself: it is the subject
				if rp, rok := asPredicate(rest); rok {
					pred, ok = rp, true
				}
			}
			switch {
			case !ok && i == 0:
				out = append(out, "Theo báo cáo của "+subject+", trong "+p.label+", "+w.lowerStart(p.text))
			case !ok:
				out = append(out, "trong "+p.label+", "+w.lowerStart(p.text))
			case i == 0:
				out = append(out, "Trong "+p.label+", "+subject+" "+pred)
			default:
				out = append(out, "trong "+p.label+", "+pred)
			}
		}
		return stop(strings.Join(out, "; "))
	}
	if rest, ok := w.ownHead(subject, text); ok {
		// the unit named itself («Ủy ban MTTQ xã tổ chức …», «PGD
		// NHCSXH giải ngân …»): it is the subject, named as the report
		// names it; its own words as they are when no verb follows
		if p, ok := asPredicate(rest); ok {
			return stop(subject + " " + p)
		}
		return stop(upperFirst(text))
	}
	if p, ok := w.predicate(text); ok {
		return stop(subject + " " + p)
	}
	return stop("Theo báo cáo của " + subject + ", " + w.lowerStart(text))
}

// periodLabel is the label consolidate puts before a quarter's words in a
// long period's report: «Quý I năm 2026: …».
var periodLabel = regexp.MustCompile(`^(Quý (?:I|II|III|IV) năm \d{4}): `)

type labelled struct{ label, text string }

// byPeriod splits a text of labelled quarters into each quarter's words,
// the label in small letters; nil when the text carries no label.
func byPeriod(text string) []labelled {
	var out []labelled
	for _, c := range strings.Split(text, "; ") {
		if m := periodLabel.FindStringSubmatch(c); m != nil {
			out = append(out, labelled{lowerFirst(m[1]), c[len(m[0]):]})
			continue
		}
		if len(out) == 0 {
			return nil
		}
		out[len(out)-1].text += "; " + c
	}
	return out
}

// tidy applies the rules every unit's words go through on their way into
// the prose: abbreviations spelled out (the office's own name kept),
// dates as Decree 30/2020 writes them, typographic quotes.
func (w *writer) tidy(text string) string {
	return quotes(decreeDates(citeInline(spellOut(w.unitsByName(text), w.keep))))
}

// unitsByName writes the units a text names by their codes or other
// spellings («phối hợp HND, HPN», «Phòng Kinh tế xã») by their names, as
// units.yaml has them; a unit's name already written stays as it is.
func (w *writer) unitsByName(text string) string {
	if w.spellings == nil {
		return text
	}
	out := w.spellings.Replace(" " + text + " ")
	return out[1 : len(out)-1]
}

// unfinished tells a task whose lead units did not say it is done.
func unfinished(t consolidate.TaskResult) bool {
	return t.Status != forms.StatusDone && t.Status != forms.StatusNotApplicable
}
