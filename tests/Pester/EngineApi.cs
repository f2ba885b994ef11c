// Raw Docker-API calls over an engine's unix socket, for the props a Pester test needs that Oci's own cmdlets do not
// make (containers). C# because HttpClient's connect callback runs on the thread pool, where PowerShell script cannot.
using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace Oci.Tests.Pester
{
    public static class EngineApi
    {
        public static string[] Send(string socketPath, string method, string path, string json)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
            using var request = new HttpRequestMessage(new HttpMethod(method), "http://engine/v1.41/" + path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = http.Send(request);
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            return new[] { ((int)response.StatusCode).ToString(), text };
        }
    }
}
