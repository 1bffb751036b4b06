namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>A corpus folder or file that cannot be evaluated; the message names the file and what is wrong.</summary>
public sealed class CorpusException(string message) : Exception(message);
