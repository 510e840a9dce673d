using Microsoft.EntityFrameworkCore;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>The EF Core in-memory store that holds OpenIddict's applications, authorizations and tokens.</summary>
internal sealed class OidcProviderDbContext(DbContextOptions<OidcProviderDbContext> options) : DbContext(options);
