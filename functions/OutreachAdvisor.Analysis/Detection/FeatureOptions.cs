namespace OutreachAdvisor.Analysis.Detection;

/// <summary>
/// How <see cref="SentenceFeatures"/> turns a sentence into hashed features: the size of the hash
/// space (2^<see cref="Bits"/> buckets) and the lengths of the character n-grams taken inside each
/// word. A model file records the options it was trained with, so training and analysis can never
/// featurize differently.
/// </summary>
public sealed record FeatureOptions(int Bits, int CharGramMin, int CharGramMax)
{
    public static FeatureOptions Default { get; } = new(Bits: 16, CharGramMin: 4, CharGramMax: 4);

    public int Buckets => 1 << Bits;
}
