using System.IO.Compression;
using System.Text;
using OutreachAdvisor.Analysis.Detection;

namespace OutreachAdvisor.Analysis.Tests.Detection;

/// <summary>
/// The sentence model as a file and as a function: the probability it gives is the logistic of its bias plus
/// the summed weights of the sentence's features over the square root of their count; a model file that is
/// not one, of another version, or with options or labels out of range is refused before its weights are
/// read; loading and saving leave the caller's stream open; a label the model lacks is off.
/// </summary>
[TestClass]
public sealed class SentenceModelTests
{
    private static readonly FeatureOptions Small = new(Bits: 8, CharGramMin: 3, CharGramMax: 4);

    private static SentenceModel Random(int seed, FeatureOptions? options = null, params SentenceLabel[] labels) =>
        Random(seed, out _, out _, options, labels);

    private static SentenceModel Random(int seed, out Half[] weights, out float[] bias, FeatureOptions? options = null, params SentenceLabel[] labels)
    {
        options ??= Small;
        labels = labels.Length == 0 ? [SentenceLabel.Ask, SentenceLabel.Offer] : labels;
        var random = new Random(seed);
        weights = new Half[options.Buckets * labels.Length];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (Half)((random.NextSingle() * 2) - 1);
        bias = [.. labels.Select(_ => (random.NextSingle() * 2) - 1)];
        float[] thresholds = [.. labels.Select(_ => 0.5f)];
        return new SentenceModel("en", options, labels, bias, thresholds, weights, "random weights for tests");
    }

    [TestMethod]
    [DataRow("Could you share the slides?")]
    [DataRow("Happy to help with intros, or to send you our data.")]
    [DataRow("x")]
    public void A_probability_is_the_logistic_of_the_bias_plus_the_weights_over_the_root_of_the_feature_count(string sentence)
    {
        SentenceModel model = Random(7, out Half[] weights, out float[] bias);
        int[] buffer = new int[SentenceFeatures.MaxFeatures(Small)];
        int count = SentenceFeatures.Extract(sentence, Small, buffer);

        Span<float> probabilities = stackalloc float[2];
        model.Score(sentence, probabilities);
        for (int label = 0; label < 2; label++)
        {
            double sum = buffer.Take(count).Sum(f => (double)(float)weights[(f * 2) + label]);
            double expected = 1 / (1 + Math.Exp(-(bias[label] + (sum / Math.Sqrt(count)))));
            Assert.AreEqual(expected, probabilities[label], 1e-5, $"label {label}");
            Assert.AreEqual(probabilities[label], model.Score(sentence, model.Labels[label]));
        }
    }

    [TestMethod]
    public void A_label_the_model_lacks_is_off()
    {
        SentenceModel model = Random(1, Small, SentenceLabel.Ask);

        Assert.AreEqual(-1, model.Slot(SentenceLabel.Offer));
        Assert.IsTrue(float.IsNaN(model.Threshold(SentenceLabel.Offer)));
        Assert.IsFalse(model.IsEnabled(SentenceLabel.Offer));
        Assert.AreEqual(0, model.Slot(SentenceLabel.Ask));
        Assert.IsTrue(model.IsEnabled(SentenceLabel.Ask));
    }

    [TestMethod]
    [DataRow(1, 2, 2, DisplayName = "one bias for two labels")]
    [DataRow(2, 1, 2, DisplayName = "one threshold for two labels")]
    [DataRow(2, 2, 1, DisplayName = "weights for one label")]
    public void A_model_whose_sizes_do_not_match_its_labels_is_refused(int biases, int thresholds, int weightLabels) =>
        Assert.ThrowsExactly<ArgumentException>(() => new SentenceModel("en", Small, [SentenceLabel.Ask, SentenceLabel.Offer],
            new float[biases], new float[thresholds], new Half[Small.Buckets * weightLabels], "wrong sizes"));

    [TestMethod]
    public void Saving_and_loading_leave_the_callers_stream_open()
    {
        SentenceModel model = Random(3);
        using var stream = new MemoryStream();
        model.Save(stream);
        Assert.IsTrue(stream.CanWrite, "Save leaves the stream open");
        stream.Position = 0;

        var loaded = SentenceModel.Load(stream);

        Assert.IsTrue(stream.CanRead, "Load leaves the stream open");
        Assert.AreEqual(model.Score("Could you share the slides?", SentenceLabel.Ask), loaded.Score("Could you share the slides?", SentenceLabel.Ask));
    }

    [TestMethod]
    [DataRow("OADX", 1, DisplayName = "another format")]
    [DataRow("OADM", 2, DisplayName = "another version")]
    public void A_file_that_is_not_a_model_of_this_version_is_refused(string magic, int version)
    {
        using var stream = new MemoryStream([.. Encoding.ASCII.GetBytes(magic), .. BitConverter.GetBytes(version), .. Body(Small, labels: 1)]);
        InvalidDataException error = Assert.ThrowsExactly<InvalidDataException>(() => SentenceModel.Load(stream));
        Assert.Contains("version 1", error.Message);
    }

    [TestMethod]
    [DataRow(7, 4, 4)]
    [DataRow(23, 4, 4)]
    [DataRow(16, 0, 4)]
    [DataRow(16, 5, 4)]
    [DataRow(16, 4, 9)]
    public void A_model_file_with_options_out_of_range_is_refused_before_its_weights(int bits, int gramMin, int gramMax)
    {
        using var stream = new MemoryStream(File(new FeatureOptions(bits, gramMin, gramMax), labels: 1, weights: false));
        InvalidDataException error = Assert.ThrowsExactly<InvalidDataException>(() => SentenceModel.Load(stream));
        Assert.Contains("options", error.Message);
    }

    [TestMethod]
    [DataRow(8, 1, 1)]
    [DataRow(22, 4, 4)]
    [DataRow(8, 3, 5)]
    [DataRow(8, 1, 8)]
    public void A_model_file_with_options_at_the_edges_of_the_range_loads(int bits, int gramMin, int gramMax)
    {
        var options = new FeatureOptions(bits, gramMin, gramMax);
        using var stream = new MemoryStream(File(options, labels: 1, weights: true));
        var loaded = SentenceModel.Load(stream);
        Assert.AreEqual(options, loaded.Options);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(9)]
    public void A_model_file_with_no_labels_or_too_many_is_refused(int labels)
    {
        using var stream = new MemoryStream(File(Small, labels, weights: false));
        Assert.ThrowsExactly<InvalidDataException>(() => SentenceModel.Load(stream));
    }

    /// <summary>A model file written field by field as <see cref="SentenceModel.Save"/> documents it (zero weights, or none).</summary>
    private static byte[] File(FeatureOptions options, int labels, bool weights) =>
        [.. Encoding.ASCII.GetBytes("OADM"), .. BitConverter.GetBytes(1), .. Body(options, labels, weights)];

    private static byte[] Body(FeatureOptions options, int labels, bool weights = false)
    {
        using var body = new MemoryStream();
        using (var deflate = new DeflateStream(body, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(deflate, Encoding.UTF8))
        {
            writer.Write("en");
            writer.Write(options.Bits);
            writer.Write(options.CharGramMin);
            writer.Write(options.CharGramMax);
            writer.Write(labels);
            for (int i = 0; i < labels; i++)
            {
                writer.Write(SentenceLabel.Ask.ToString());
                writer.Write(0f);
                writer.Write(0.5f);
            }
            writer.Write("note");
            if (weights)
                writer.Write(new byte[(long)options.Buckets * labels * 2]);
        }
        return body.ToArray();
    }
}
