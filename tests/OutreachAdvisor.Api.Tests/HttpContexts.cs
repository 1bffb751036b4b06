using System.Text;
using Microsoft.AspNetCore.Http;

namespace OutreachAdvisor.Api.Tests;

/// <summary>Builds ASP.NET Core HttpContexts the way the Functions host hands them to triggers, and reads what was written.</summary>
internal static class HttpContexts
{
    public static DefaultHttpContext Post(string json, string contentType = "application/json", string? authorization = null, string? acceptLanguage = null)
    {
        var context = new DefaultHttpContext();
        byte[] body = Encoding.UTF8.GetBytes(json);
        context.Request.Method = "POST";
        context.Request.Path = "/api/analyze";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        if (authorization is not null)
            context.Request.Headers.Authorization = authorization;
        if (acceptLanguage is not null)
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static DefaultHttpContext Get(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static string ResponseText(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    public const string ColdAsk = """
        { "from": { "name": "Ann Lee", "address": "ann@lee.example" },
          "to": [ { "name": "Jane Doe", "address": "jane@shape.example" } ],
          "cc": [], "bcc": [],
          "subject": "Quick question", "body": "Dear _ __,\n\nCould you review my CV?", "bodyFormat": "text",
          "foundAt": { "jane@shape.example": "https://janedoe.example/contact" } }
        """;
}
