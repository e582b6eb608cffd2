using System.Globalization;
using SpatialPlan.App.Accounts;
using SpatialPlan.App.Checks;
using SpatialPlan.App.Exports;
using SpatialPlan.App.Hosting;
using SpatialPlan.App.Layers;
using SpatialPlan.App.Records;
using SpatialPlan.App.Samples;
using SpatialPlan.App.Tiles;

// Numbers in reports, repairs and messages are written one way (1,234.5) whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var builder = WebApplication.CreateBuilder(args);
builder.AddSpatialPlanHost();          // options, gis-data folder, problem+json, upload limit, work budget
builder.AddRecords();                  // the records store (SpatialPlan:Database, else records/ in the data folder)
builder.AddAccounts();                 // server mode: cookie sign-in off loopback, roles, antiforgery, sign-in rate limit, /healthz
builder.AddTrustedProxies();           // SpatialPlan:TrustedProxies: believe X-Forwarded-For/-Proto from these proxies only

var app = builder.Build();
app.UseTrustedProxies();               // first: the planner's own scheme and address behind a reverse proxy
app.UseSpatialPlanErrors();            // security headers; every failure is problem+json, never a stack trace
app.UseAccounts();                     // off loopback: 401/403 problem+json, antiforgery on changes (AccessMode decides)
app.UseWorkBudget();                   // checks and sheets: a concurrency limit and a work-time budget
app.UseAuditTrail();                   // 留痕 of every check and export
app.UseClientApp();                    // the bundled OpenLayers front end from wwwroot/

app.MapClientConfig();                 // GET /api/config
app.MapLayers();                       // GET /api/layers, /api/layers/{id}, /api/layers/{id}/features (identify/select)
app.MapTiles();                        // GET /api/tiles/{layer}/{z}/{x}/{y}.mvt: vector tiles in the working-CRS grid
app.MapSamples();                      // GET /api/samples, /api/samples/{file}
app.MapChecks();                       // POST /api/checks, /api/checks/report (PDF), /api/checks/export (GIS layers)
app.MapSheets();                       // GET /api/sheets: the view as a PDF/PNG map sheet
app.MapPresentations();                // GET /api/presentations/{name}
app.MapRecords();                      // /api/records: saved checks, versions, re-checks, withdrawals (no DELETE)
app.MapAccounts();                     // /signin, /api/account, /api/users, /healthz

app.PrintStartupBanner();              // the URL to open, in Chinese and English
app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
