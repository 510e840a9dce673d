global using Microsoft.Extensions.Configuration;
