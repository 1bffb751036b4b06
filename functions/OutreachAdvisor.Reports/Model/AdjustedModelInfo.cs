namespace OutreachAdvisor.Reports.Model;

/// <summary>What the adjusted effects were estimated from (docs/reports.md "Adjusted effects").</summary>
/// <param name="Method">"l2-logistic-regression (ML.NET L-BFGS), marginal standardisation, Wald/delta-method 95% intervals".</param>
/// <param name="Messages">Outreach messages in the fit.</param>
/// <param name="Terms">The rules (and "template") in the model.</param>
/// <param name="L2">The ridge penalty (on the sum of the log-loss).</param>
public sealed record AdjustedModelInfo(string Method, int Messages, IReadOnlyList<string> Terms, double L2);
