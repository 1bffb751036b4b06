using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OutreachAdvisor.Reports.Statistics;

/// <summary>
/// Each rule's effect on replies with the other rules and template membership held equal
/// (docs/reports.md "Adjusted effects"):
/// <list type="number">
/// <item>An L2-penalised logistic regression of replied on the terms' 0/1 indicators, fitted by ML.NET's
/// L-BFGS trainer. Messages with the same indicators are one weighted row, so the fit costs the same
/// for a hundred messages or a million.</item>
/// <item>The effect of a term is a reply-rate ratio by marginal standardisation: the mean predicted reply
/// rate of all messages with the term set, over the same with it cleared (so "2.1x the replies" means
/// rates, not odds).</item>
/// <item>Its 95% interval: the covariance of the coefficients is the inverse of the penalised log-loss's
/// Hessian at the fit (X'WX + λI, the intercept unpenalised), carried to the log ratio by the delta method.</item>
/// </list>
/// Observational data: an association in this mailbox, not proof that the habit causes the replies.
/// </summary>
internal static class AdjustedEffects
{
    /// <summary>The ridge penalty on the summed log-loss: a weak N(0, 1) prior on each log-odds coefficient.</summary>
    public const double L2 = 1.0;

    public const string Method = "l2-logistic-regression (ML.NET L-BFGS), marginal standardisation, delta-method 95% intervals";

    /// <summary>One outreach message as the model sees it: which terms are set (bit j for term j), and whether it was answered.</summary>
    public readonly record struct Observation(uint Terms, bool Replied);

    /// <summary>The effect ratio and its 95% interval per term; null when no model can be fitted (no replies, or all replied, or no terms).</summary>
    public static (double Ratio, double Low, double High)[]? Estimate(IReadOnlyList<Observation> observations, int termCount)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int replied = observations.Count(o => o.Replied);
        if (termCount == 0 || replied == 0 || replied == observations.Count)
            return null;

        // Identical indicator patterns become one row per outcome, weighted by how many messages share it.
        var patterns = new Dictionary<uint, (int Count, int Replied)>();
        foreach (Observation o in observations)
        {
            (int count, int yes) = patterns.GetValueOrDefault(o.Terms);
            patterns[o.Terms] = (count + 1, yes + (o.Replied ? 1 : 0));
        }

        (double[] beta, bool ok) = Fit(patterns, termCount);
        if (!ok)
            return null;
        double[,]? covariance = Covariance(patterns, termCount, beta);
        if (covariance is null)
            return null;

        int p = termCount + 1;
        double total = observations.Count;
        var effects = new (double, double, double)[termCount];
        for (int j = 0; j < termCount; j++)
        {
            double rate1 = 0, rate0 = 0;
            double[] gradient1 = new double[p], gradient0 = new double[p];
            foreach ((uint terms, (int count, int _)) in patterns)
            {
                double s1 = Sigmoid(Eta(beta, terms | (1u << j), termCount));
                double s0 = Sigmoid(Eta(beta, terms & ~(1u << j), termCount));
                rate1 += count * s1 / total;
                rate0 += count * s0 / total;
                AddGradient(gradient1, terms | (1u << j), count * s1 * (1 - s1) / total, termCount);
                AddGradient(gradient0, terms & ~(1u << j), count * s0 * (1 - s0) / total, termCount);
            }

            double[] g = new double[p];
            for (int k = 0; k < p; k++)
                g[k] = (gradient1[k] / rate1) - (gradient0[k] / rate0);
            double variance = 0;
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                    variance += g[a] * covariance[a, b] * g[b];
            }

            double log = Math.Log(rate1 / rate0), se = Math.Sqrt(Math.Max(variance, 0));
            effects[j] = (Math.Exp(log), Math.Exp(log - (Intervals.Z * se)), Math.Exp(log + (Intervals.Z * se)));
        }

        return effects;
    }

    private static (double[] Beta, bool Ok) Fit(Dictionary<uint, (int Count, int Replied)> patterns, int termCount)
    {
        var rows = new List<Row>();
        foreach ((uint terms, (int count, int yes)) in patterns)
        {
            float[] features = Features(terms, termCount);
            if (yes > 0)
                rows.Add(new Row { Label = true, Features = features, Weight = yes });
            if (count - yes > 0)
                rows.Add(new Row { Label = false, Features = features, Weight = count - yes });
        }

        try
        {
            var ml = new MLContext(seed: 1);
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, termCount);
            IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
            LbfgsLogisticRegressionBinaryTrainer trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                ExampleWeightColumnName = nameof(Row.Weight),
                L1Regularization = 0,
                L2Regularization = (float)L2,
                OptimizationTolerance = 1e-8f,
                MaximumNumberOfIterations = 1000,
                NumberOfThreads = 1,
            });
            LinearBinaryModelParameters model = trainer.Fit(data).Model.SubModel;
            double[] beta = new double[termCount + 1];
            beta[0] = model.Bias;
            for (int j = 0; j < termCount; j++)
                beta[j + 1] = model.Weights[j];
            return (beta, beta.All(double.IsFinite));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return ([], false);
        }
    }

    /// <summary>The inverse of X'WX + λI (intercept unpenalised) at the fit, by Gauss-Jordan elimination; null when singular.</summary>
    private static double[,]? Covariance(Dictionary<uint, (int Count, int Replied)> patterns, int termCount, double[] beta)
    {
        int p = termCount + 1;
        double[,] h = new double[p, p];
        foreach ((uint terms, (int count, int _)) in patterns)
        {
            double s = Sigmoid(Eta(beta, terms, termCount));
            double w = count * s * (1 - s);
            for (int a = 0; a < p; a++)
            {
                if (!Has(terms, a))
                    continue;
                for (int b = 0; b < p; b++)
                {
                    if (Has(terms, b))
                        h[a, b] += w;
                }
            }
        }

        for (int a = 1; a < p; a++)
            h[a, a] += L2;

        double[,] inverse = new double[p, p];
        for (int a = 0; a < p; a++)
            inverse[a, a] = 1;
        for (int col = 0; col < p; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < p; r++)
            {
                if (Math.Abs(h[r, col]) > Math.Abs(h[pivot, col]))
                    pivot = r;
            }

            if (Math.Abs(h[pivot, col]) < 1e-12)
                return null;
            for (int k = 0; k < p; k++)
            {
                (h[col, k], h[pivot, k]) = (h[pivot, k], h[col, k]);
                (inverse[col, k], inverse[pivot, k]) = (inverse[pivot, k], inverse[col, k]);
            }

            double d = h[col, col];
            for (int k = 0; k < p; k++)
            {
                h[col, k] /= d;
                inverse[col, k] /= d;
            }

            for (int r = 0; r < p; r++)
            {
                if (r == col || h[r, col] == 0)
                    continue;
                double f = h[r, col];
                for (int k = 0; k < p; k++)
                {
                    h[r, k] -= f * h[col, k];
                    inverse[r, k] -= f * inverse[col, k];
                }
            }
        }

        return inverse;
    }

    /// <summary>Index 0 is the intercept (always set); index j + 1 is term j.</summary>
    private static bool Has(uint terms, int index) => index == 0 || (terms & (1u << (index - 1))) != 0;

    private static double Eta(double[] beta, uint terms, int termCount)
    {
        double eta = beta[0];
        for (int j = 0; j < termCount; j++)
        {
            if ((terms & (1u << j)) != 0)
                eta += beta[j + 1];
        }

        return eta;
    }

    private static void AddGradient(double[] gradient, uint terms, double weight, int termCount)
    {
        for (int index = 0; index <= termCount; index++)
        {
            if (Has(terms, index))
                gradient[index] += weight;
        }
    }

    private static float[] Features(uint terms, int termCount)
    {
        float[] features = new float[termCount];
        for (int j = 0; j < termCount; j++)
            features[j] = (terms & (1u << j)) != 0 ? 1 : 0;
        return features;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>One weighted training row for ML.NET (public: ML.NET reads it by reflection).</summary>
    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }
}
