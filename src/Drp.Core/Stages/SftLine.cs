namespace Drp.Core.Stages;

/// <summary>One LLaMA-Factory alpaca training example.</summary>
public sealed record SftLine(string Instruction, string Input, string Output);
