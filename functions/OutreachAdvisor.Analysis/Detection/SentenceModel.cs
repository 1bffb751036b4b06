using System.IO.Compression;
using System.Text;

namespace OutreachAdvisor.Analysis.Detection;

/// <summary>
/// One language's sentence classifiers: a logistic regression per label over the hashed features of
/// <see cref="SentenceFeatures"/>, trained with ML.NET by tools/OutreachAdvisor.Training and stored as
/// its weights. Immutable once loaded, so one instance serves every thread. A label whose model did
/// not beat the lexicon on dev is stored switched off (<see cref="IsEnabled"/> false).
/// </summary>
public sealed class SentenceModel
{
    private const string Magic = "OADM";
    private const int Version = 1;

    private readonly float[] _bias;
    private readonly float[] _threshold;
    // Weights interleaved by bucket, [bucket * labels + label], so one feature reads one cache line for every label.
    private readonly Half[] _weights;

    public SentenceModel(string language, FeatureOptions options, IReadOnlyList<SentenceLabel> labels, float[] bias, float[] threshold, Half[] weights, string note)
    {
        if (bias.Length != labels.Count || threshold.Length != labels.Count || weights.Length != options.Buckets * labels.Count)
            throw new ArgumentException("model sizes do not match its labels and options");
        Language = language;
        Options = options;
        Labels = labels;
        _bias = bias;
        _threshold = threshold;
        _weights = weights;
        Note = note;
    }

    public string Language { get; }
    public FeatureOptions Options { get; }
    public IReadOnlyList<SentenceLabel> Labels { get; }
    /// <summary>How the model was trained (data, seed, regularisation), written by the training tool.</summary>
    public string Note { get; }

    /// <summary>The probability at or above which a sentence counts as <paramref name="label"/>, or NaN when that detector is off.</summary>
    public float Threshold(SentenceLabel label) => Slot(label) is int i and >= 0 ? _threshold[i] : float.NaN;

    public bool IsEnabled(SentenceLabel label) => !float.IsNaN(Threshold(label));

    /// <summary>This model with other thresholds (NaN switches a label off): how the training tool tries thresholds on dev.</summary>
    public SentenceModel WithThresholds(IReadOnlyDictionary<SentenceLabel, float> thresholds) =>
        new(Language, Options, Labels, _bias, Labels.Select((l, i) => thresholds.TryGetValue(l, out float t) ? t : _threshold[i]).ToArray(), _weights, Note);

    /// <summary>Writes each label's probability for <paramref name="text"/> into <paramref name="probabilities"/> (in <see cref="Labels"/> order).</summary>
    public void Score(ReadOnlySpan<char> text, Span<float> probabilities)
    {
        int labels = Labels.Count;
        int max = SentenceFeatures.MaxFeatures(Options);
        int[]? rented = null;
        Span<int> features = max <= 8192 ? stackalloc int[max] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(max));
        try
        {
            int count = SentenceFeatures.Extract(text, Options, features);
            Span<float> sums = stackalloc float[labels];
            sums.Clear();
            ReadOnlySpan<Half> weights = _weights;
            for (int f = 0; f < count; f++)
            {
                ReadOnlySpan<Half> row = weights.Slice(features[f] * labels, labels);
                for (int l = 0; l < labels; l++)
                    sums[l] += (float)row[l];
            }
            float scale = count == 0 ? 0 : 1f / MathF.Sqrt(count);
            for (int l = 0; l < labels; l++)
                probabilities[l] = 1f / (1f + MathF.Exp(-(_bias[l] + (sums[l] * scale))));
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>The probability of one label.</summary>
    public float Score(ReadOnlySpan<char> text, SentenceLabel label)
    {
        Span<float> probabilities = stackalloc float[Labels.Count];
        Score(text, probabilities);
        return probabilities[Slot(label)];
    }

    public int Slot(SentenceLabel label)
    {
        for (int i = 0; i < Labels.Count; i++)
        {
            if (Labels[i] == label)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Writes the model: "OADM", a version, then (deflate-compressed) the language, options, labels with
    /// their bias and threshold, the note, and every weight as a 16-bit float. Deterministic for the same model.
    /// </summary>
    public void Save(Stream stream)
    {
        stream.Write(Encoding.ASCII.GetBytes(Magic));
        stream.Write(BitConverter.GetBytes(Version));
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        writer.Write(Language);
        writer.Write(Options.Bits);
        writer.Write(Options.CharGramMin);
        writer.Write(Options.CharGramMax);
        writer.Write(Labels.Count);
        for (int i = 0; i < Labels.Count; i++)
        {
            writer.Write(Labels[i].ToString());
            writer.Write(_bias[i]);
            writer.Write(_threshold[i]);
        }
        writer.Write(Note);
        foreach (Half weight in _weights)
            writer.Write(weight);
    }

    public static SentenceModel Load(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (Encoding.ASCII.GetString(header[..4]) != Magic || BitConverter.ToInt32(header[4..]) != Version)
            throw new InvalidDataException("not a sentence model file of version " + Version);
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(deflate, 1 << 16), Encoding.UTF8, leaveOpen: false);
        string language = reader.ReadString();
        var options = new FeatureOptions(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        if (options.Bits is < 8 or > 22 || options.CharGramMin < 1 || options.CharGramMax < options.CharGramMin || options.CharGramMax > 8)
            throw new InvalidDataException("sentence model options out of range");
        int labelCount = reader.ReadInt32();
        if (labelCount is < 1 or > 8)
            throw new InvalidDataException("sentence model label count out of range");
        var labels = new SentenceLabel[labelCount];
        float[] bias = new float[labelCount], threshold = new float[labelCount];
        for (int i = 0; i < labelCount; i++)
        {
            labels[i] = Enum.Parse<SentenceLabel>(reader.ReadString());
            bias[i] = reader.ReadSingle();
            threshold[i] = reader.ReadSingle();
        }
        string note = reader.ReadString();
        var weights = new Half[options.Buckets * labelCount];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(weights.AsSpan()));
        return new SentenceModel(language, options, labels, bias, threshold, weights, note);
    }
}
