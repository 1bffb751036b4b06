using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using OutreachAdvisor.Analysis.Detection;

namespace OutreachAdvisor.Training;

/// <summary>
/// Trains one label's logistic regression with ML.NET (L-BFGS, one thread, fixed seed: the same data
/// gives the same weights) on the hashed features of <see cref="SentenceFeatures"/>, and returns it as
/// bias and weights with ML.NET's calibrator folded in, so the analysis computes exactly ML.NET's
/// probability without loading ML.NET.
/// </summary>
internal static class LabelTrainer
{
    public const int Seed = 20261201;

    public sealed class Row
    {
        public bool Label { get; set; }
        public float Weight { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    public sealed class Scored
    {
        public float Probability { get; set; }
    }

    public sealed record Trained(float Bias, float[] Weights, ITransformer Model, MLContext Context);

    public static Trained Train(IReadOnlyList<TrainingRow> rows, FeatureOptions options, float l2)
    {
        var ml = new MLContext(seed: Seed);
        IDataView data = Load(ml, rows.Select(r => ToRow(r.Text, r.Label, r.Weight, options)), options);
        LbfgsLogisticRegressionBinaryTrainer trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L1Regularization = 0,
            L2Regularization = l2,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 500,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });
        BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> model = trainer.Fit(data);
        LinearBinaryModelParameters linear = model.Model.SubModel;
        PlattCalibrator calibrator = model.Model.Calibrator;
        // ML.NET's probability is 1 / (1 + exp(slope * score + offset)); fold it into the linear model.
        float a = (float)-calibrator.Slope, b = (float)-calibrator.Offset;
        float[] weights = linear.Weights.Select(w => a * w).ToArray();
        return new Trained((a * linear.Bias) + b, weights, model, ml);
    }

    /// <summary>ML.NET's own probabilities for the texts, to check the exported weights against.</summary>
    public static float[] Predict(Trained trained, IReadOnlyList<string> texts, FeatureOptions options)
    {
        IDataView data = Load(trained.Context, texts.Select(t => ToRow(t, false, 1, options)), options);
        return trained.Context.Data.CreateEnumerable<Scored>(trained.Model.Transform(data), reuseRowObject: false).Select(s => s.Probability).ToArray();
    }

    private static IDataView Load(MLContext ml, IEnumerable<Row> rows, FeatureOptions options)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, options.Buckets);
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>The sparse feature vector the analysis scores: each bucket's count, scaled by 1/sqrt(total).</summary>
    public static Row ToRow(string text, bool label, float weight, FeatureOptions options)
    {
        int[] buffer = new int[SentenceFeatures.MaxFeatures(options)];
        int count = SentenceFeatures.Extract(text, options, buffer);
        float scale = count == 0 ? 0 : 1f / MathF.Sqrt(count);
        SortedDictionary<int, float> values = [];
        for (int i = 0; i < count; i++)
            values[buffer[i]] = values.GetValueOrDefault(buffer[i]) + scale;
        return new Row
        {
            Label = label,
            Weight = weight,
            Features = new VBuffer<float>(options.Buckets, values.Count, values.Values.ToArray(), values.Keys.ToArray()),
        };
    }
}
