//! The validator's part for application documents: ids unique, every programme, condition, gate
//! and question a document names exists, each proof has exactly one shape, levels are 1 to 5.

use super::*;

impl Validator {
    pub(super) fn documents(
        &mut self,
        documents: Vec<raw::Document>,
        programmes: &[Programme],
        gates: &[Gate],
        questions: &[Question],
    ) -> Vec<Document> {
        self.count("$.documents", documents.len(), MAX_DOCUMENTS);
        let mut seen = Seen::new();
        let mut out = Vec::new();
        for (i, d) in documents.into_iter().enumerate() {
            let path = index("$.documents", i);
            self.id(&at(&path, "id"), &d.id, &mut seen);
            let pp = at(&path, "programmes");
            if d.programmes.is_empty() {
                self.push(&pp, ProblemKind::Empty);
            }
            self.count(&pp, d.programmes.len(), MAX_PROGRAMMES);
            let mut listed: Vec<usize> = Vec::new();
            for (j, id) in d.programmes.iter().enumerate() {
                match programmes.iter().position(|p| p.id.0 == *id) {
                    None => self.push(&index(&pp, j), ProblemKind::UnknownProgramme(id.clone())),
                    Some(ix) if listed.contains(&ix) => self.push(&index(&pp, j), ProblemKind::DuplicateId(id.clone())),
                    Some(ix) => listed.push(ix),
                }
            }
            let vp = at(&path, "proves");
            self.count(&vp, d.proves.len(), MAX_PROOFS);
            let mut proves = Vec::new();
            for (j, p) in d.proves.into_iter().enumerate() {
                let jp = index(&vp, j);
                let shape = (p.condition.is_some(), p.gate.is_some(), p.question.is_some() || p.level.is_some());
                match (shape, p.condition, p.gate, p.question) {
                    ((true, false, false), Some(c), _, _) => {
                        let known = listed.iter().any(|&ix| programmes[ix].conditions.iter().any(|x| x.id.0 == c));
                        if known {
                            proves.push(Proof::Condition(ConditionId(c)));
                        } else {
                            self.push(&at(&jp, "condition"), ProblemKind::UnknownCondition(c));
                        }
                    }
                    ((false, true, false), _, Some(g), _) => match gates.iter().position(|x| x.id.0 == g) {
                        Some(ix) => proves.push(Proof::Gate(ix)),
                        None => self.push(&at(&jp, "gate"), ProblemKind::UnknownGate(g)),
                    },
                    ((false, false, true), _, _, Some(q)) => {
                        let question = questions.iter().position(|x| x.id.0 == q);
                        if question.is_none() {
                            self.push(&at(&jp, "question"), ProblemKind::UnknownQuestion(q));
                        }
                        let level = match p.level {
                            None => {
                                self.push(&jp, ProblemKind::ProofShape);
                                None
                            }
                            Some(l @ 1..=5) => Some(l as u8),
                            Some(l) => {
                                self.push(&at(&jp, "level"), ProblemKind::ProofLevel(l));
                                None
                            }
                        };
                        if let (Some(question), Some(level)) = (question, level) {
                            proves.push(Proof::Question { question, level });
                        }
                    }
                    _ => self.push(&jp, ProblemKind::ProofShape),
                }
            }
            let sp = at(&path, "sources");
            if d.sources.is_empty() {
                self.push(&sp, ProblemKind::Empty);
            }
            out.push(Document {
                id: DocumentId(d.id),
                name: self.text(&at(&path, "name"), d.name),
                help: self.opt_text(&at(&path, "help"), d.help),
                issuer: d.issuer,
                period: d.period,
                programmes: listed,
                proves,
                sources: self.sources(&sp, d.sources),
            });
        }
        out
    }
}
