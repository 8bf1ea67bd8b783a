//! IAM's wildcards (`*` any run of characters, `?` one character) decided without backtracking
//! (runs of `*` made one). A pattern against a plain name, or against a pattern it may cover: its
//! runs between `*`s placed each at the first place it fits, found by shift-and, so each of the
//! text's characters is read once per run in words of 64 of the run's positions (once in all for
//! the short runs of a multi-wildcard paste). Two patterns intersected: an automaton over the
//! second's positions, 64 of them a word, stepped once per token of the first (`intersect`).

use std::collections::HashMap;

mod intersect;

/// One character of a pattern or text, with runs of `*` made one where they are wildcards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// `*` (a wildcard).
    Star,
    /// `?` (a wildcard).
    One,
    /// Any other character (ASCII lowercased when case does not count).
    Char(char),
}

/// What is asked of a pattern against a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// The text is a plain name (its `*` and `?` are characters like any other).
    Matches,
    /// The text is a pattern: does the pattern match every name it matches? A `*` of the text is
    /// taken only by a `*` of the pattern, a `?` by a `?` or a `*`.
    Covers,
    /// The text is a pattern: is there a name both match?
    Intersects,
}

/// A pattern read once: its tokens, how many of them take exactly one character, and its runs
/// between `*`s as masks for finding them in a text.
#[derive(Clone, Debug)]
pub struct Pattern {
    tokens: Vec<Token>,
    singles: usize,
    /// The runs between `*`s: (first token, length).
    segments: Vec<(usize, usize)>,
}

/// A run of a pattern's tokens between two `*`s (or an end): where it holds a `?`, and where
/// each character, as bits over its positions.
#[derive(Clone, Debug)]
struct Segment {
    len: usize,
    ones: Bits,
    /// Sorted by character.
    chars: Vec<(char, Bits)>,
}

impl Segment {
    fn new(tokens: &[Token]) -> Segment {
        let words = || vec![0; tokens.len().div_ceil(WORD)];
        let (mut ones, mut chars): (Bits, Vec<(char, Bits)>) = (words(), Vec::new());
        for (i, token) in tokens.iter().enumerate() {
            match token {
                Token::One => set(&mut ones, i),
                Token::Char(c) => match chars.binary_search_by_key(c, |(d, _)| *d) {
                    Ok(at) => set(&mut chars[at].1, i),
                    Err(at) => {
                        let mut mask = words();
                        set(&mut mask, i);
                        chars.insert(at, (*c, mask));
                    }
                },
                Token::Star => {}
            }
        }
        Segment {
            len: tokens.len(),
            ones,
            chars,
        }
    }

    /// The positions of the segment that the text's token takes: a `*` none (in a text that is
    /// a pattern), a `?` the segment's `?`s, a character those and its own.
    fn taking(&self, token: Token, into: &mut Bits) {
        into.iter_mut().for_each(|w| *w = 0);
        if let Token::Star = token {
            return;
        }
        into.copy_from_slice(&self.ones);
        if let Token::Char(c) = token {
            if let Ok(at) = self.chars.binary_search_by_key(&c, |(d, _)| *d) {
                into.iter_mut()
                    .zip(&self.chars[at].1)
                    .for_each(|(w, m)| *w |= m);
            }
        }
    }
}

fn tokenize(text: &str, fold: bool, wildcards: bool) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len());
    for c in text.chars() {
        let token = match c {
            '*' if wildcards => Token::Star,
            '?' if wildcards => Token::One,
            c if fold => Token::Char(c.to_ascii_lowercase()),
            c => Token::Char(c),
        };
        // `**` matches what `*` does: a pasted run of thousands costs one step.
        if !(token == Token::Star && tokens.last() == Some(&Token::Star)) {
            tokens.push(token);
        }
    }
    tokens
}

impl Pattern {
    /// Reads `pattern`; `ignore_case`: ASCII letters compare without case.
    pub fn new(pattern: &str, ignore_case: bool) -> Pattern {
        let tokens = tokenize(pattern, ignore_case, true);
        let singles = tokens.iter().filter(|t| **t != Token::Star).count();
        let mut segments = Vec::new();
        let mut start = 0;
        for (i, token) in tokens.iter().chain([&Token::Star]).enumerate() {
            if *token == Token::Star {
                segments.push((start, i - start));
                start = i + 1;
            }
        }
        Pattern {
            tokens,
            singles,
            segments,
        }
    }
}

/// A set of positions `0..=len` of a text, as bits.
type Bits = Vec<u64>;

/// A text read once for one kind of question: where each of its characters is.
#[derive(Clone, Debug)]
pub struct Text {
    question: Question,
    tokens: Vec<Token>,
    /// Tokens that take exactly one character of a pattern (not `*`).
    singles: usize,
    /// The positions of each character (as `Token::Char`).
    at: HashMap<char, Vec<u32>>,
    /// Bits of the positions holding `*`, `?`, and anything but `*`.
    stars: Bits,
    ones: Bits,
    not_stars: Bits,
}

const WORD: usize = 64;

fn bits_for(len: usize) -> Bits {
    vec![0; (len + 1).div_ceil(WORD)]
}

fn set(bits: &mut Bits, i: usize) {
    bits[i / WORD] |= 1 << (i % WORD);
}

fn get(bits: &Bits, i: usize) -> bool {
    bits[i / WORD] >> (i % WORD) & 1 == 1
}

impl Text {
    /// Reads `text` for `question` (`ignore_case` as for the patterns it meets).
    pub fn new(text: &str, question: Question, ignore_case: bool) -> Text {
        let tokens = tokenize(text, ignore_case, question != Question::Matches);
        let singles = tokens.iter().filter(|t| **t != Token::Star).count();
        let mut at: HashMap<char, Vec<u32>> = HashMap::new();
        if question != Question::Intersects {
            // Covering and matching read the tokens only.
            let (stars, ones, not_stars) = (Vec::new(), Vec::new(), Vec::new());
            return Text {
                question,
                tokens,
                singles,
                at,
                stars,
                ones,
                not_stars,
            };
        }
        let (mut stars, mut ones, mut not_stars) = (
            bits_for(tokens.len()),
            bits_for(tokens.len()),
            bits_for(tokens.len()),
        );
        for (i, token) in tokens.iter().enumerate() {
            match token {
                Token::Star => set(&mut stars, i),
                Token::One => set(&mut ones, i),
                Token::Char(c) => at.entry(*c).or_default().push(i as u32),
            }
            if *token != Token::Star {
                set(&mut not_stars, i);
            }
        }
        Text {
            question,
            tokens,
            singles,
            at,
            stars,
            ones,
            not_stars,
        }
    }

    /// The answer to the text's question for `pattern`.
    pub fn answer(&self, pattern: &Pattern) -> bool {
        if self.question == Question::Intersects {
            return self.walk(pattern);
        }
        if pattern.singles > self.singles {
            // Each `?` or character of the pattern takes one of the text's that are not `*`.
            return false;
        }
        self.greedy(pattern)
    }

    /// True when `segment` takes the text's tokens from `at` on.
    fn takes_at(&self, tokens: &[Token], at: usize) -> bool {
        at + tokens.len() <= self.tokens.len()
            && tokens
                .iter()
                .zip(&self.tokens[at..])
                .all(|(p, t)| match (p, t) {
                    (_, Token::Star) | (Token::Star, _) | (Token::Char(_), Token::One) => false,
                    (Token::One, _) => true,
                    (Token::Char(c), Token::Char(d)) => c == d,
                })
    }

    /// Covering and matching: the pattern's first run where the text starts, its last run where
    /// it ends, each run between at the first place it fits after the one before. Placing a run
    /// as early as it fits never loses a match (the `*` after it takes whatever is left), so no
    /// choice is ever undone. Each run is found by shift-and over the text: the text's tokens
    /// read once per run, in words of 64 of the run's positions.
    fn greedy(&self, pattern: &Pattern) -> bool {
        let n = self.tokens.len();
        let run = |(start, len): (usize, usize)| &pattern.tokens[start..start + len];
        let segments = &pattern.segments;
        let (first, last) = (run(segments[0]), run(segments[segments.len() - 1]));
        if segments.len() == 1 {
            return first.len() == n && self.takes_at(first, 0);
        }
        if first.len() + last.len() > n
            || !self.takes_at(first, 0)
            || !self.takes_at(last, n - last.len())
        {
            return false;
        }
        let (mut at, end) = (first.len(), n - last.len());
        for segment in &segments[1..segments.len() - 1] {
            let segment = run(*segment);
            let found = if segment.len() <= WORD {
                self.find_short(segment, at, end)
            } else {
                self.find(&Segment::new(segment), at, end)
            };
            match found {
                Some(after) => at = after,
                None => return false,
            }
        }
        true
    }

    /// [`Text::find`] for a run of at most 64 tokens: its masks in one word each, on the stack.
    fn find_short(&self, segment: &[Token], from: usize, to: usize) -> Option<usize> {
        let (mut ones, mut chars, mut distinct) = (0u64, [('\0', 0u64); WORD], 0);
        for (i, token) in segment.iter().enumerate() {
            match token {
                Token::One => ones |= 1 << i,
                Token::Char(c) => match chars[..distinct].iter_mut().find(|(d, _)| d == c) {
                    Some((_, mask)) => *mask |= 1 << i,
                    None => {
                        chars[distinct] = (*c, 1 << i);
                        distinct += 1;
                    }
                },
                Token::Star => {}
            }
        }
        let top = 1u64 << (segment.len() - 1);
        let mut state = 0u64;
        for j in from..to {
            let taking = match self.tokens[j] {
                Token::Star => 0,
                Token::One => ones,
                Token::Char(c) => {
                    ones | chars[..distinct]
                        .iter()
                        .find(|(d, _)| *d == c)
                        .map_or(0, |(_, mask)| *mask)
                }
            };
            state = (state << 1 | 1) & taking;
            if state & top != 0 {
                return Some(j + 1);
            }
        }
        None
    }

    /// Where the first place `segment` fits in the text's tokens `from..to` ends.
    fn find(&self, segment: &Segment, from: usize, to: usize) -> Option<usize> {
        let top = segment.len - 1;
        // (Runs between two `*`s are never empty: runs of `*` are one.)
        let (mut state, mut taking) = (vec![0; segment.ones.len()], segment.ones.clone());
        for j in from..to {
            // state: the segment's positions i such that its first i+1 tokens end at j.
            let mut carry = 1;
            for w in state.iter_mut() {
                let moved = *w << 1 | carry;
                carry = *w >> (WORD - 1);
                *w = moved;
            }
            segment.taking(self.tokens[j], &mut taking);
            state.iter_mut().zip(&taking).for_each(|(w, m)| *w &= m);
            if get(&state, top) {
                return Some(j + 1);
            }
        }
        None
    }
}

/// True when the pattern (IAM's `*` any run, `?` one character) matches the plain text `text`.
pub fn glob_matches(pattern: &str, text: &str, ignore_case: bool) -> bool {
    Text::new(text, Question::Matches, ignore_case).answer(&Pattern::new(pattern, ignore_case))
}

/// True when some text matches both patterns (each may hold `*` and `?`; case counts).
pub fn intersects(a: &str, b: &str) -> bool {
    Text::new(b, Question::Intersects, false).answer(&Pattern::new(a, false))
}

/// True when every name `target` matches is also matched by `pattern`.
///
/// Both may hold IAM's wildcards (`*` any run, `?` one character); a `*` in `target` is only
/// covered by a `*` in `pattern`. Action names compare without case, ARNs with it.
pub fn covers(pattern: &str, target: &str, ignore_case: bool) -> bool {
    Text::new(target, Question::Covers, ignore_case).answer(&Pattern::new(pattern, ignore_case))
}
