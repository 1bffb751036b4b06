namespace OutreachAdvisor.Analysis.Model;

/// <summary>How many rules ran (passed or failed) of how many there are (contract section 6).</summary>
public sealed record Coverage(int Checked, int Of);
