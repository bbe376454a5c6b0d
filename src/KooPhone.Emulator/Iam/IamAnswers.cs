using System;
using System.Globalization;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Iam.Contracts;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// The bodies IAM's token endpoints answer with: a token's body (the one project and user of the
/// emulator's account, its times as IAM writes them) and IAM's error object.
/// </summary>
public static class IamAnswers
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>A token of <paramref name="account"/> lasting from <paramref name="issuedAt"/> to <paramref name="expiresAt"/>, with <paramref name="status"/>.</summary>
    public static IResult Token(IamAccount account, DateTimeOffset issuedAt, DateTimeOffset expiresAt, int status)
    {
        var domain = new IamDomain(account.DomainId, account.DomainName);
        var body = new IamTokenResponse(new IamTokenBody(
            Format(expiresAt),
            Format(issuedAt),
            new[] { "password" },
            new IamProject(account.ProjectId, account.ProjectName, domain),
            new IamUser(account.UserId, account.UserName, domain)));
        return Results.Json(body, ApiJson.Options, "application/json; charset=utf-8", status);
    }

    /// <summary>IAM's error object.</summary>
    public static IResult Error(int status, string message, string title) =>
        Results.Json(new IamErrorResponse(new IamError(status, message, title)), ApiJson.Options, "application/json; charset=utf-8", status);

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
