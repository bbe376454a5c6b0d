using System.Text.Json;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// Reads the body of POST /v3/auth/tokens (docs/api-reference.md §7.1). Only the password method is
/// supported; the message for a malformed body names the field that is wrong.
/// </summary>
public static class IamTokenRequestReader
{
    /// <summary>Reads <paramref name="root"/>; on failure <paramref name="error"/> says why (never echoing a value).</summary>
    public static bool TryRead(JsonElement root, out IamTokenRequest? request, out string? error)
    {
        request = null;
        if (!TryObject(root, "auth", "auth", out JsonElement auth, out error)
            || !TryObject(auth, "identity", "auth.identity", out JsonElement identity, out error)
            || !HasPasswordMethod(identity, out error)
            || !TryObject(identity, "password", "auth.identity.password", out JsonElement password, out error)
            || !TryObject(password, "user", "auth.identity.password.user", out JsonElement user, out error)
            || !TryString(user, "name", "auth.identity.password.user.name", out string? userName, out error)
            || !TryString(user, "password", "auth.identity.password.user.password", out string? secret, out error)
            || !TryObject(user, "domain", "auth.identity.password.user.domain", out JsonElement domain, out error)
            || !TryString(domain, "name", "auth.identity.password.user.domain.name", out string? domainName, out error))
        {
            return false;
        }

        if (!auth.TryGetProperty("scope", out JsonElement scope) || scope.ValueKind != JsonValueKind.Object)
        {
            error = "'auth.scope' is required: KooPhone needs a project-scoped token";
            return false;
        }

        bool hasProject = scope.TryGetProperty("project", out JsonElement project);
        bool hasDomain = scope.TryGetProperty("domain", out _);
        if (hasProject == hasDomain)
        {
            error = "'auth.scope' must name exactly one of 'project' and 'domain'";
            return false;
        }

        string? projectName = null, projectId = null;
        if (hasProject && !TryProject(project, out projectName, out projectId, out error))
        {
            return false;
        }

        request = new IamTokenRequest
        {
            UserName = userName!,
            Password = secret!,
            DomainName = domainName!,
            DomainScoped = hasDomain,
            ProjectName = projectName,
            ProjectId = projectId,
        };
        return true;
    }

    // A project is named by name, by id, or both; each given one must be a non-empty string.
    private static bool TryProject(JsonElement project, out string? name, out string? id, out string? error)
    {
        name = null;
        id = null;
        error = "'auth.scope.project' must be an object with a non-empty string 'name' or 'id'";
        if (project.ValueKind != JsonValueKind.Object
            || !TryOptionalString(project, "name", out name)
            || !TryOptionalString(project, "id", out id)
            || (name is null && id is null))
        {
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryOptionalString(JsonElement parent, string name, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out JsonElement element))
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return !string.IsNullOrEmpty(value);
    }

    private static bool HasPasswordMethod(JsonElement identity, out string? error)
    {
        error = "'auth.identity.methods' must be an array that contains \"password\"";
        if (!identity.TryGetProperty("methods", out JsonElement methods) || methods.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (JsonElement method in methods.EnumerateArray())
        {
            if (method.ValueKind == JsonValueKind.String && method.GetString() == "password")
            {
                error = null;
                return true;
            }
        }

        return false;
    }

    private static bool TryObject(JsonElement parent, string name, string path, out JsonElement value, out string? error)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            error = null;
            return true;
        }

        value = default;
        error = $"'{path}' must be an object";
        return false;
    }

    private static bool TryString(JsonElement parent, string name, string path, out string? value, out string? error)
    {
        if (parent.TryGetProperty(name, out JsonElement element) && element.ValueKind == JsonValueKind.String
            && element.GetString()!.Length > 0)
        {
            value = element.GetString();
            error = null;
            return true;
        }

        value = null;
        error = $"'{path}' must be a non-empty string";
        return false;
    }
}
