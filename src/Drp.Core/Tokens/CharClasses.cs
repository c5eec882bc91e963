using System.Globalization;

namespace Drp.Core.Tokens;

/// <summary>
/// The character classes of the tokenizers' pre-tokenizer patterns, one table lookup per UTF-16 char, as .NET's
/// regular expressions see them (a surrogate is neither letter, number nor space).
/// </summary>
internal static class CharClasses
{
    public const byte Letter = 1;        // \p{L}
    public const byte Number = 2;        // \p{N}
    public const byte Space = 4;         // \s
    public const byte LineBreak = 8;     // \r \n
    public const byte UpperSide = 16;    // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
    public const byte LowerSide = 32;    // [\p{Ll}\p{Lm}\p{Lo}\p{M}]

    private static readonly byte[] Table = Build();

    public static byte Of(char c) => Table[c];

    public static bool Is(char c, byte flag) => (Table[c] & flag) != 0;

    /// <summary>[^\r\n\p{L}\p{N}]: what may stand before a word.</summary>
    public static bool IsPrefix(char c) => (Table[c] & (Letter | Number | LineBreak)) == 0;

    /// <summary>[^\s\p{L}\p{N}]: punctuation, symbols and the like.</summary>
    public static bool IsOther(char c) => (Table[c] & (Letter | Number | Space)) == 0;

    private static byte[] Build()
    {
        var table = new byte[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            byte flags = 0;
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    flags = Letter | UpperSide;
                    break;
                case UnicodeCategory.LowercaseLetter:
                    flags = Letter | LowerSide;
                    break;
                case UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    flags = Letter | UpperSide | LowerSide;
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    flags = UpperSide | LowerSide;
                    break;
                case UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                    flags = Number;
                    break;
            }

            if (char.IsWhiteSpace(c))
            {
                flags |= Space;
            }

            if (c is '\r' or '\n')
            {
                flags |= LineBreak;
            }

            table[i] = flags;
        }

        return table;
    }
}
