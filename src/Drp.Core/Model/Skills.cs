namespace Drp.Core.Model;

/// <summary>
/// The skill vocabulary of the offline teacher. Skill labels are open-ended in the DRP method (an LLM teacher may
/// write others); these are the ones drp's own decomposition assigns.
/// </summary>
public static class Skills
{
    /// <summary>Repeats what the problem says, with no new quantity.</summary>
    public const string RestatingQuestion = "restating the question";

    /// <summary>Says what will be done next ("First, I need to find…"), with no computation.</summary>
    public const string Planning = "planning";

    /// <summary>Takes a quantity given in the problem ("There are 20 students").</summary>
    public const string ReadingQuantity = "reading a given quantity";

    /// <summary>States a formula or rule ("average speed is total distance divided by total time").</summary>
    public const string ApplyingFormula = "applying a formula";

    /// <summary>Writes an equation with unknowns or symbols.</summary>
    public const string EquationSetup = "equation setup";

    /// <summary>Computes a number from numbers.</summary>
    public const string Arithmetic = "arithmetic";

    /// <summary>Converts between units (minutes and hours, cents and dollars…).</summary>
    public const string UnitConversion = "unit conversion";

    /// <summary>Draws a conclusion in words.</summary>
    public const string LogicalInference = "logical inference";

    /// <summary>Re-checks a result already reached ("Let me verify…").</summary>
    public const string Verification = "verification";

    /// <summary>Hesitation and self-talk ("Wait", "Hmm", "Is that right?").</summary>
    public const string Reflection = "reflection";

    /// <summary>States the final answer.</summary>
    public const string ClarifyAnswer = "clarify answer";

    public static readonly IReadOnlyList<string> All =
    [
        RestatingQuestion, Planning, ReadingQuantity, ApplyingFormula, EquationSetup, Arithmetic, UnitConversion,
        LogicalInference, Verification, Reflection, ClarifyAnswer,
    ];
}
