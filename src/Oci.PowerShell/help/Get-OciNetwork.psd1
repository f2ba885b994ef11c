# Help for Get-OciNetwork (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Lists the networks of one or several engines, like docker network ls.'
    Description   = @(
        'Get-OciNetwork outputs an Oci.OciNetwork per network: Id, Name, Driver, Scope, Internal, Subnets, Gateways, Created, Labels and Options, shown like docker network ls. With several connections the engines are read at once and each network carries the connection it came from.'
        'A literal -Name that no engine has is a non-terminating Oci.NetworkNotFound error; a pattern that matches nothing is not.'
    )
    Parameters    = @{
        Name       = 'Network names or ids (full or short) to get, with wildcards; -Id is an alias. Press Tab to complete the names the engines have.'
        Label      = 'Only networks with every one of these labels, each key or key=value.'
        Driver     = 'Only networks of this driver (bridge, macvlan, ...).'
        Connection = 'The engines to read from, at once; connections piped in are gathered and read together. When omitted, the session default.'
    }
    DefaultValues = @{ Name = 'All networks'; Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read from.' } )
    Outputs       = @( @{ Type = 'Oci.OciNetwork'; Description = 'One per network, with its Connection.' } )
    Notes         = @( 'Errors: Oci.NetworkNotFound (ObjectNotFound) for a literal name no engine has, Oci.InvalidWildcard for a pattern that does not parse.' )
    Examples      = @(
        @{
            Title   = 'The internal networks'
            Code    = @'
PS> Get-OciNetwork | Where-Object Internal
'@
            Remarks = 'Lists the networks whose containers cannot reach outside.'
        }
    )
    Links         = @( @{ Text = 'New-OciNetwork' }; @{ Text = 'Remove-OciNetwork' }; @{ Text = 'Clear-OciNetwork' } )
}
