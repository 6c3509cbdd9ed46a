// Colo.Gen: xl disk specifications and COLO disk replication for .NET.
