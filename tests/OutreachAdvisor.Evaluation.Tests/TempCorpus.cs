namespace OutreachAdvisor.Evaluation.Tests;

/// <summary>A throw-away corpus folder for one test, deleted afterwards.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus() => Folder = Directory.CreateTempSubdirectory("outreach-corpus-").FullName;

    public string Folder { get; }

    public string Write(string name, string json)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A valid case: a cold coffee ask with no offer and no reference, labelled as a careful expert would.</summary>
    public static string Case(string id = "en-t-0001", string labelsOverride = "", string body = "Hi Jane,\n\nCould we grab a coffee next week? I'd love to pick your brain about your job.\n\nBest,\nAnn", string language = "en") => $$"""
        {
          "id": "{{id}}", "language": "{{language}}", "genre": "networking", "source": "written for the corpus",
          "message": {
            "from": { "name": "Ann Lee", "address": "ann@lee.example" },
            "to": [ { "name": "Jane Doe", "address": "jane@shape.example" } ],
            "subject": "Coffee?", "body": {{System.Text.Json.JsonSerializer.Serialize(body)}}, "bodyFormat": "text"
          },
          "mailbox": { "recipients": { "jane@shape.example": { "history": "none", "contact": false } } },
          "labels": {
            {{labelsOverride}}
            "engage-before-asking": true, "private-channel": false, "listed-address": false, "no-personal-details": false,
            "mutual-benefit": true, "personal-greeting": false, "right-recipient": false, "specific-reference": true, "no-automation": false
          }
        }
        """;
}
