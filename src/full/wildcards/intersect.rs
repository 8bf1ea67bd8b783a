//! Intersecting two patterns: the automaton over the second's positions, stepped once per token
//! of the first (the second's `*` may take any of the first's tokens, and stays).

use super::{bits_for, get, set, Bits, Pattern, Text, Token, WORD};
use std::collections::HashMap;

impl Text {
    /// Intersecting: the automaton over the text's positions, one step per token of the pattern.
    pub(super) fn walk(&self, pattern: &Pattern) -> bool {
        let n = self.tokens.len();
        if n < WORD - 1 {
            return self.walk_short(pattern);
        }
        // reach: the positions j such that the pattern read so far can take the text's first j.
        let mut reach = bits_for(n);
        set(&mut reach, 0);
        let mut next = bits_for(n);
        let mut dense: HashMap<char, Bits> = HashMap::new();
        for token in &pattern.tokens {
            self.close(&mut reach, Some(*token));
            if *token == Token::Star {
                // The `*` may stop here: every position reached so far stays reached.
                continue;
            }
            next.iter_mut().for_each(|w| *w = 0);
            match token {
                Token::Char(c) => {
                    self.step_char(&reach, &mut next, *c, &mut dense);
                    // A character of the pattern against a `?` of the text.
                    shift_into(&reach, &self.ones, &mut next, n);
                }
                _ => shift_into(&reach, &self.not_stars, &mut next, n),
            }
            // A `*` of the text takes the pattern's character and stays.
            for (w, (r, s)) in next.iter_mut().zip(reach.iter().zip(&self.stars)) {
                *w |= r & s;
            }
            std::mem::swap(&mut reach, &mut next);
            if reach.iter().all(|w| *w == 0) {
                return false;
            }
        }
        self.close(&mut reach, None);
        get(&reach, n)
    }

    /// [`Text::walk`] for a text of fewer than 63 tokens (an ARN template's segment): its
    /// positions in one word, its characters' masks on the stack.
    fn walk_short(&self, pattern: &Pattern) -> bool {
        let n = self.tokens.len();
        let all = (1u64 << (n + 1)) - 1;
        let (stars, ones, not_stars) = (self.stars[0], self.ones[0], self.not_stars[0]);
        let (mut chars, mut distinct) = ([('\0', 0u64); WORD], 0);
        for (i, token) in self.tokens.iter().enumerate() {
            if let Token::Char(c) = token {
                match chars[..distinct].iter_mut().find(|(d, _)| d == c) {
                    Some((_, mask)) => *mask |= 1 << i,
                    None => {
                        chars[distinct] = (*c, 1 << i);
                        distinct += 1;
                    }
                }
            }
        }
        // Past a `*` of the text (one step: runs of `*` are one).
        let past_stars = |reach: u64| reach | (reach & stars) << 1;
        let mut reach = 1u64;
        for token in &pattern.tokens {
            let taking = match token {
                Token::Star => {
                    reach = !0u64 << reach.trailing_zeros() & all;
                    continue;
                }
                Token::One => not_stars,
                Token::Char(c) => {
                    ones | chars[..distinct]
                        .iter()
                        .find(|(d, _)| d == c)
                        .map_or(0, |(_, mask)| *mask)
                }
            };
            reach = past_stars(reach);
            reach = ((reach & taking) << 1 | reach & stars) & all;
            if reach == 0 {
                return false;
            }
        }
        past_stars(reach) >> n & 1 == 1
    }

    /// What a position reached also reaches without taking a token of the pattern: with a `*`
    /// next in the pattern, every later position; in an intersection, past a `*` of the text
    /// (one step: runs of `*` are one).
    fn close(&self, reach: &mut Bits, next: Option<Token>) {
        if next == Some(Token::Star) {
            if let Some(first) = reach.iter().position(|w| *w != 0) {
                reach[first] |= !0u64 << reach[first].trailing_zeros();
                reach[first + 1..].iter_mut().for_each(|w| *w = !0);
                trim(reach, self.tokens.len());
            }
            return;
        }
        let mut carry = 0;
        for (w, s) in reach.iter_mut().zip(&self.stars) {
            let moved = *w & s;
            *w |= moved << 1 | carry;
            carry = moved >> (WORD - 1);
        }
    }

    /// Into `next`, position j+1 for each position j reached where the text holds `c`.
    fn step_char(&self, reach: &Bits, next: &mut Bits, c: char, dense: &mut HashMap<char, Bits>) {
        let Some(positions) = self.at.get(&c) else {
            return;
        };
        if positions.len() <= 2 * reach.len() {
            for &j in positions {
                if get(reach, j as usize) {
                    set(next, j as usize + 1);
                }
            }
            return;
        }
        // A character frequent in the text: its positions as bits, made once per answer.
        let mask = dense.entry(c).or_insert_with(|| {
            let mut mask = bits_for(self.tokens.len());
            positions.iter().for_each(|j| set(&mut mask, *j as usize));
            mask
        });
        shift_into(reach, mask, next, self.tokens.len());
    }
}

/// next |= (reach & mask) moved one position on (positions up to `n`).
fn shift_into(reach: &Bits, mask: &Bits, next: &mut Bits, n: usize) {
    let mut carry = 0;
    for (w, (r, m)) in next.iter_mut().zip(reach.iter().zip(mask)) {
        let moved = r & m;
        *w |= moved << 1 | carry;
        carry = moved >> (WORD - 1);
    }
    trim(next, n);
}

/// Drops the positions past the text's end (`n`).
fn trim(bits: &mut Bits, n: usize) {
    let last = n / WORD;
    bits[last] &= !0u64 >> (WORD - 1 - n % WORD);
}
