/*
 * tb_match.h - matching Indonesian person names (libtumbuh, pure).
 *
 * Registers and exports spell the same person many ways: "Hj. Siti Aminah,
 * S.Pd", "SITI AMINAH", "Siti Aminah binti Achmad"; old spelling ("Djoko",
 * "Soekarno", "Tjipto") next to the new ("Joko", "Sukarno", "Cipto"); "M.",
 * "Moh.", "Muhammad", "Mochamad" for one name. A match key folds these
 * together so that equal keys mean "the same name", and a similarity score
 * (Jaro-Winkler on the keys) catches the remaining typos.
 *
 * No I/O, no globals, no allocation: keys are written into caller buffers.
 */
#ifndef TB_MATCH_H
#define TB_MATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Longest key written (bytes, without the NUL); longer names are cut. */
#define TB_NAME_KEY_MAX 127

/* Keys at least this similar (tb_name_similarity) are taken as one name. */
#define TB_NAME_MATCH_MIN 0.92

/*
 * Writes the match key of name (len bytes of UTF-8, or Latin-1 letters) into
 * out (cap bytes, at least 1) and returns its length. The key is lowercase
 * ASCII words separated by one space:
 *  - accents dropped (e with acute -> e), apostrophes removed (Ma'ruf -> maruf),
 *    other punctuation separates words;
 *  - titles removed: before the name (H., Hj., Dr., Ir., Ny., Tn., By., An.,
 *    Alm., Bpk., ...) and after it (S.Pd, S.KM, Amd.Keb, M.Kes, ...); the
 *    particles bin / binti anywhere;
 *  - old spellings collapsed in each word: dj -> j, tj -> c, sj -> s, nj -> ny,
 *    oe -> u, ch/kh -> h, dh -> d, th -> t, ts -> s, sy -> s, ph -> f, dz -> z,
 *    q -> k, v -> f; doubled letters once (Muhammad -> muhamad); a final y ->
 *    i (Rizky -> rizki); a final h after a vowel dropped (Aisyah -> aisya);
 *  - common forms of one name made one: m, moh, muh, mhd, mohamad, ... ->
 *    muhamad; abd -> abdul.
 * A name that is only titles keeps its words; an empty name gives "".
 */
size_t tb_name_key(const char *name, size_t len, char *out, size_t cap);

/*
 * The Jaro-Winkler similarity of two keys, spaces ignored: 1 for equal keys,
 * 0 when nothing matches (or either is empty). At most TB_NAME_KEY_MAX bytes
 * of each are compared.
 */
double tb_name_similarity(const char *a, const char *b);

/* True when the keys are equal or at least TB_NAME_MATCH_MIN similar. */
bool tb_name_match(const char *a, const char *b);

#endif
