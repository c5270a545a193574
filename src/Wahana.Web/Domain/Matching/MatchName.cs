using System.Text;

namespace Wahana.Web.Domain.Matching;

/// <summary>
/// A name as the matcher compares it: the words of its <see cref="PersonName.Key"/> without titles ("hj", "mbah",
/// "s pd"), in one spelling (the old spelling "Soejono" and the new "Suyono" meet; "Muhammad", "Moch." and "Mohamad"
/// are one word), so that the comparison sees the differences that matter.
/// </summary>
public sealed class MatchName
{
    // Forms of address and honorifics written before or after a name.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "hj", "hjh", "haji", "hajah", "hajjah", "bu", "ibu", "pak", "bapak", "bpk", "mbah", "mbok", "nyi", "nyai", "ki",
        "sdr", "sdri", "alm", "almh", "almarhum", "almarhumah", "drs", "dra", "ir", "dr", "bin", "binti",
        "spd", "spdi", "ssos", "skm", "amd", "sag", "ssi",
    };

    // Academic degrees, which the name key splits into letters: "S.Pd." is "s pd", "S.E." is "s e".
    private static readonly HashSet<string> Degrees = new(StringComparer.Ordinal)
    {
        "spd", "spdi", "ssos", "skm", "amd", "sag", "ssi", "se", "sh", "sip", "skep", "sked", "sth",
    };

    private static readonly HashSet<string> Muhammad = new(StringComparer.Ordinal)
    {
        "muhammad", "muhamad", "mohammad", "mohamad", "mochammad", "mochamad", "mukhammad", "mukhamad", "muhamat",
        "mohamat", "muchammad", "muchamad", "moh", "moch", "mohd", "mochd", "muh", "much", "md",
    };

    // Arrays, not lists: the scan reads them a hundred million times.
    private readonly string[] _words;

    // Each word as written (before the spelling): "Cahya" and "Chaya" are closer as written. The same instance as
    // the word when the spelling changed nothing (and the words were interned).
    private readonly string[] _written;

    private MatchName(string[] words, string[] written, string joined)
    {
        _words = words;
        _written = written;
        Joined = joined;
    }

    /// <summary>The words in their common spelling, in the order written.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The words written together ("srirahayu"), so that "Nur Hayati" meets "Nurhayati".</summary>
    public string Joined { get; }

    /// <summary>
    /// The name of a <see cref="PersonName.Key"/> ("sri rahayu s pd"). <paramref name="intern"/>, when given, returns
    /// one instance of each word, so that a million names share their few thousand words.
    /// </summary>
    public static MatchName Of(string nameKey, Func<string, string>? intern = null)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        var raw = nameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(raw.Length);
        var written = new List<string>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var word = raw[i];
            // "s pd", "s sos", "a md": the academic degrees come apart into letters and a title.
            if (word.Length == 1 && i + 1 < raw.Length && Degrees.Contains(word + raw[i + 1]))
            {
                i++;
                continue;
            }
            if (Titles.Contains(word) && raw.Length > 1)
            {
                continue;
            }
            words.Add(Muhammad.Contains(word) ? "muhamad" : Spelling(word));
            written.Add(word);
        }
        if (words.Count == 0)
        {
            words.AddRange(raw.Select(Spelling));
            written.AddRange(raw);
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (intern is not null)
            {
                words[i] = intern(words[i]);
            }
            // One instance when the spelling changed nothing: the comparison then compares it once.
            written[i] = string.Equals(written[i], words[i], StringComparison.Ordinal) ? words[i]
                : intern is null ? written[i] : intern(written[i]);
        }
        return new MatchName([.. words], [.. written], string.Concat(words));
    }

    /// <summary>
    /// How alike two names are, 0-1: the words paired one to one, best pairs first (so the order written does not
    /// matter), each pair by Jaro-Winkler (an initial "m" counts as a likely "muhamad"); a word left over lowers
    /// the score a little ("Sri Rahayu" and "Sri Rahayu Ningsih" are probably one woman; "Agus Santoso" and
    /// "Budi Santoso" are probably brothers).
    /// </summary>
    public static double Similarity(MatchName a, MatchName b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a.Joined, b.Joined, StringComparison.Ordinal))
        {
            return 1;
        }
        var (shortName, longName) = a._words.Length <= b._words.Length ? (a, b) : (b, a);
        var (shorter, longer) = (shortName._words, longName._words);
        if (shorter.Length == 0)
        {
            return 0;
        }
        Span<double> scores = stackalloc double[shorter.Length * longer.Length];
        for (var i = 0; i < shorter.Length; i++)
        {
            for (var j = 0; j < longer.Length; j++)
            {
                scores[(i * longer.Length) + j] = WordSimilarity(shorter[i], shortName._written[i], longer[j], longName._written[j]);
            }
        }
        // Greedy one-to-one pairing: take the best remaining pair until every word of the shorter name has one.
        Span<bool> usedShort = stackalloc bool[shorter.Length];
        Span<bool> usedLong = stackalloc bool[longer.Length];
        var sum = 0.0;
        var worst = 1.0;
        for (var round = 0; round < shorter.Length; round++)
        {
            var best = -1.0;
            var (bi, bj) = (0, 0);
            for (var i = 0; i < shorter.Length; i++)
            {
                if (usedShort[i])
                {
                    continue;
                }
                for (var j = 0; j < longer.Length; j++)
                {
                    if (!usedLong[j] && scores[(i * longer.Length) + j] > best)
                    {
                        (best, bi, bj) = (scores[(i * longer.Length) + j], i, j);
                    }
                }
            }
            usedShort[bi] = usedLong[bj] = true;
            sum += best;
            worst = Math.Min(worst, best);
        }
        // Half the mean and half the worst pair: one word far off ("Agus Santoso" / "Budi Santoso") weighs more
        // than its share, for a mistyped name has every word close.
        var words = (sum / shorter.Length + worst) / 2;
        var extra = Math.Min(2, longer.Length - shorter.Length);
        words *= Math.Pow(0.92, extra);
        // Words split or joined differently ("Rahayuningsih" / "Rahayu Ningsih"): the letters in a row decide. They
        // can only reach 0.96 at about the same length, which spares most comparisons the work.
        var (la, lb) = (a.Joined.Length, b.Joined.Length);
        if (words >= 0.98 || Math.Min(la, lb) * 5 < Math.Max(la, lb) * 4)
        {
            return words;
        }
        var joined = JaroWinkler.Similarity(a.Joined, b.Joined);
        return joined >= 0.96 ? Math.Max(words, joined) : words;
    }

    private static double WordSimilarity(string a, string writtenA, string b, string writtenB)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }
        // An initial stands for a word with that first letter: "M. Rifai" for "Muhamad Rifai", "C." for "Chelsea".
        if ((a.Length == 1 || b.Length == 1) && (a[0] == b[0] || writtenA[0] == writtenB[0]))
        {
            return 0.9;
        }
        // The spelling helps old and new spelling meet, but may pull a typo apart ("Cahya" / "Chaya").
        var spelled = JaroWinkler.Similarity(a, b);
        return ReferenceEquals(a, writtenA) && ReferenceEquals(b, writtenB) ? spelled : Math.Max(spelled, JaroWinkler.Similarity(writtenA, writtenB));
    }

    /// <summary>
    /// Keys for blocking: the consonants of each word of three or more of them, in the common spelling, doubled
    /// ones once ("Widiastuti" → "wdst", "Wulandari"/"Wualndari" → "wlnd"), so that a typo in the vowels, a word
    /// left out, an initial or another word order still meet.
    /// </summary>
    public List<string> BlockingKeys()
    {
        var keys = new List<string>(_words.Length);
        Span<char> key = stackalloc char[4];
        foreach (var word in _words)
        {
            var length = 0;
            foreach (var c in word)
            {
                if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'h' || (length > 0 && key[length - 1] == c))
                {
                    continue;
                }
                key[length++] = c;
                if (length == key.Length)
                {
                    break;
                }
            }
            if (length >= 3)
            {
                keys.Add(new string(key[..length]));
            }
        }
        return keys;
    }

    /// <summary>
    /// One spelling for the sounds Indonesian names write in several ways: old (van Ophuijsen/Soewandi) spelling
    /// oe, dj, tj, nj, sj, ch; y and j; kh/h, sy/s, th/t, dh/d; doubled letters; a final h after a vowel.
    /// </summary>
    private static string Spelling(string word)
    {
        var s = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            switch (c)
            {
                case 'o' when next == 'e':
                    s.Append('u');
                    i++;
                    continue;
                case 'd' when next == 'j':
                    s.Append('j');
                    i++;
                    continue;
                case 't' when next == 'j':
                    s.Append('c');
                    i++;
                    continue;
                case 'n' when next == 'j':
                    s.Append("nj");
                    i++;
                    continue;
                case 's' when next is 'j' or 'y' or 'h':
                    s.Append('s');
                    i++;
                    continue;
                case 'c' when next == 'h':
                case 'k' when next == 'h':
                    s.Append('h');
                    i++;
                    continue;
                case 't' or 'd' or 'p' when next == 'h':
                    s.Append(c == 'p' ? 'f' : c);
                    i++;
                    continue;
                case 'q':
                    s.Append('k');
                    continue;
                case 'v':
                    s.Append('f');
                    continue;
                case 'z':
                    s.Append('s');
                    continue;
                case 'y':
                    // A y before a vowel is the consonant (old j); elsewhere it is the vowel i ("Hendry").
                    s.Append(next is 'a' or 'e' or 'i' or 'o' or 'u' ? 'j' : 'i');
                    continue;
                default:
                    s.Append(c);
                    continue;
            }
        }
        // Doubled letters ("Muhammad", "Abdullah") and a final h after a vowel ("Fatimah"/"Fatima") are spelling.
        var collapsed = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (i == 0 || s[i] != s[i - 1])
            {
                collapsed.Append(s[i]);
            }
        }
        if (collapsed.Length > 2 && collapsed[^1] == 'h' && collapsed[^2] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            collapsed.Length--;
        }
        return collapsed.ToString();
    }
}
