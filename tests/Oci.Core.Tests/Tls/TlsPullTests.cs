using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Tasks;
using Oci.Credentials;
using Oci.Drivers.Docker;
using Oci.Tests.Support;
using Oci.Tests.Unit;
using Xunit;

namespace Oci.Tests.Tls
{
    /// <summary>A pull over the TLS listener: the Docker.DotNet client streams through the TLS transport too.</summary>
    [Collection(DockerCollection.Name)]
    public sealed class TlsPullTests
    {
        private readonly DockerFixture _docker;

        public TlsPullTests(DockerFixture docker)
        {
            _docker = docker;
            TlsTestBed.RequireFiles();
        }

        [Fact]
        public async Task A_pull_over_TLS_works_with_progress()
        {
            await _docker.RemoveIfPresentAsync(TestBed.Small);
            await using var client = await OciClient.ConnectAsync(new DockerDriver(), TlsTestBed.Host, TlsTestBed.Options(TlsTestBed.Good()));
            var events = new List<OciProgress>();
            var response = await client.PullAsync(TestBed.Small, null, new SyncProgress(events.Add));
            Assert.Equal("Downloaded newer image", response.Status);
            var image = Assert.IsType<OciImage>(response.Data);
            Assert.Equal(await TestBed.ManifestDigestAsync("small", "latest"), image.Digest);
            Assert.Contains(events, e => e.Phase == OciProgressPhase.Complete || e.Phase == OciProgressPhase.Downloading);

            // The same engine over its unix socket sees the image the TLS client pulled.
            var inspected = await _docker.Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, OciKind.Image, TestBed.Small));
            Assert.Equal(image.Id, ((OciImage)inspected.Data!).Id);
        }

        [Fact]
        public async Task Registry_credentials_go_to_a_remote_engine_over_TLS_without_AllowUnencryptedAuthentication()
        {
            // dockerd's TLS listener reached on a non-loopback address (a forwarder): a remote engine, but encrypted.
            var address = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? throw new InvalidOperationException("This test needs a non-loopback IPv4 address on the machine; none is up.");
            using var forwarder = new TcpForwarder(address, TlsTestBed.EndPoint);
            await _docker.RemoveIfPresentAsync(TestBed.Private);
            // The engine's certificate names 127.0.0.1 and localhost, not this address: verification off for the forward.
            await using var client = await OciClient.ConnectAsync(new DockerDriver(), $"tcp://{address}:{forwarder.Port}", TlsTestBed.Options(TlsTestBed.Good(verify: false)));
            var credential = new OciRegistryCredential(TestBed.AuthUser, TestBed.AuthPassword);
            var response = await client.PullAsync(TestBed.Private, new OciPullOptions { Credential = credential });
            Assert.Matches("^sha256:[a-f0-9]{64}$", ((OciImage)response.Data!).Id);
        }
    }
}
