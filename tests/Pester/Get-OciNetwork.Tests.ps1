#Requires -Version 7.2
# Get-OciNetwork on Docker and Podman: networks with their connection, by name, id or wildcard, by label, errors, completion.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix getnet
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
    $name = "getnet-$run"
    $made = foreach ($c in $docker, $podman) { New-OciNetwork $name -Internal -Label @{ 'oci.test.net' = $run } -Connection $c }
}

AfterAll {
    $made | Remove-OciNetwork -ErrorAction SilentlyContinue
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciNetwork' {
    It 'lists the networks of both engines at once, each with its connection, like docker network ls' {
        $nets = @(Get-OciConnection | Get-OciNetwork $name)
        $nets.Count | Should -Be 2
        $nets | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciNetwork'; $_.Internal | Should -BeTrue; $_.Id | Should -Match '^[0-9a-f]{64}$' }
        @($nets.Connection.Name | Sort-Object) | Should -Be @('getnet-docker', 'getnet-podman')
        Get-TableColumns ($nets | Out-String -Width 200) | Should -Be @('Network ID', 'Name', 'Driver', 'Scope', 'Internal', 'Subnets')
    }

    It 'finds a network by id, short id, wildcard and label' {
        $n = Get-OciNetwork $name -Connection $docker
        (Get-OciNetwork $n.Id -Connection $docker).Name | Should -Be $name
        (Get-OciNetwork $n.ShortId -Connection $docker).Name | Should -Be $name
        @(Get-OciNetwork "getnet-$($run.Substring(0, 4))*" -Connection $docker).Name | Should -Contain $name
        @(Get-OciNetwork -Label "oci.test.net=$run" -Connection $docker, $podman).Count | Should -Be 2
        @(Get-OciNetwork -Label "oci.test.net=other" -Connection $docker).Count | Should -Be 0
    }

    It 'a literal name no engine has is a non-terminating Oci.NetworkNotFound naming it' {
        Get-OciNetwork "getnet-none-$run" -Connection $docker, $podman -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.NetworkNotFound,Oci.PowerShell.GetOciNetwork'
        $ev[0].TargetObject | Should -Be "getnet-none-$run"
    }

    It 'completes -Name with the networks the engine has' {
        $line = "Get-OciNetwork -Connection `$docker getnet-$run"
        $m = (TabExpansion2 $line $line.Length).CompletionMatches
        $m.CompletionText | Should -Contain $name
        ($m | Where-Object CompletionText -eq $name).ToolTip | Should -Match 'internal'
    }
}
